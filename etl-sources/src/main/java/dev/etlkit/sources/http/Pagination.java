package dev.etlkit.sources.http;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How an API splits its items over pages, and so which URL comes next. Each page is named by a token
 * (null for the first): a page number, an offset, a next-page URL or a cursor; positions keep it so
 * that a resumed run fetches the same page again.
 *
 * <pre>{@code
 * Pagination.none()                                   // one request (default)
 * Pagination.pageNumbers("page", 1)                   // ?page=1, ?page=2, ... until a page is empty
 * Pagination.pageNumbers("page", 1, "per_page", 100)  // ... or shorter than 100 items
 * Pagination.offsets("offset", "limit", 100)          // ?offset=0&limit=100, ?offset=100&limit=100, ...
 * Pagination.linkHeader()                             // follows Link: <...>; rel="next"
 * Pagination.cursor("meta.next", "cursor")            // ?cursor=<body.meta.next> until it is missing
 * }</pre>
 */
public final class Pagination {

  // <url>; param; param: the URL cannot hold '>', the params hold no '<' or ','
  private static final Pattern LINK_VALUE = Pattern.compile("<([^>]*)>([^,<]*)");

  private enum Kind { NONE, PAGE, OFFSET, LINK, CURSOR }

  private static final Pagination NONE = new Pagination(Kind.NONE, "", 0, null, 0);
  private static final Pagination LINK_HEADER = new Pagination(Kind.LINK, "", 0, null, 0);

  private final Kind kind;
  private final String param;
  private final long first;
  private final @Nullable String secondParam;
  private final int size;

  private Pagination(Kind kind, String param, long first, @Nullable String secondParam, int size) {
    this.kind = kind;
    this.param = param;
    this.first = first;
    this.secondParam = secondParam;
    this.size = size;
  }

  /** A single request: the seed's API. */
  public static Pagination none() {
    return NONE;
  }

  /** Page numbers in the query parameter {@code param} from {@code firstPage} on, until a page has no items. */
  public static Pagination pageNumbers(String param, long firstPage) {
    return new Pagination(Kind.PAGE, named("param", param), firstPage, null, 0);
  }

  /**
   * Page numbers with {@code pageSize} items a page, sent as {@code sizeParam} (null: not sent, the API's
   * own size); a page with fewer items is the last.
   */
  public static Pagination pageNumbers(String param, long firstPage, @Nullable String sizeParam, int pageSize) {
    return new Pagination(Kind.PAGE, named("param", param), firstPage,
        sizeParam == null ? null : named("sizeParam", sizeParam), positive(pageSize));
  }

  /** Offsets from 0 in {@code offsetParam} with {@code limit} in {@code limitParam}; a page with fewer items is the last. */
  public static Pagination offsets(String offsetParam, String limitParam, int limit) {
    return new Pagination(Kind.OFFSET, named("offsetParam", offsetParam), 0, named("limitParam", limitParam), positive(limit));
  }

  /** The URL in the response's {@code Link} header with {@code rel="next"}, until there is none. */
  public static Pagination linkHeader() {
    return LINK_HEADER;
  }

  /**
   * The cursor found in the body at {@code field} (a dotted path such as {@code meta.next_cursor}) sent
   * back in the query parameter {@code param}, until the body has no cursor.
   */
  public static Pagination cursor(String field, String param) {
    return new Pagination(Kind.CURSOR, named("param", param), 0, named("field", field), 0);
  }

  /** The URL of the page named {@code token} (null: the first page). */
  URI uri(URI base, @Nullable String token) {
    return switch (kind) {
      case NONE -> base;
      case PAGE -> sized(SafeUrl.withParam(base, param, token != null ? token : Long.toString(first)));
      case OFFSET -> sized(SafeUrl.withParam(base, param, token != null ? token : "0"));
      case LINK -> token != null ? URI.create(token) : base;
      case CURSOR -> token != null ? SafeUrl.withParam(base, param, token) : base;
    };
  }

  /**
   * The token of the page after {@code page} (named {@code token}), or null when it was the last: no
   * next link or cursor, or a cursor naming this very page again.
   */
  @Nullable String next(@Nullable String token, Page page) {
    int count = page.items().size();
    boolean last = count == 0 || size > 0 && count < size;
    return switch (kind) {
      case NONE -> null;
      case PAGE -> last ? null : Long.toString((token != null ? Long.parseLong(token) : first) + 1);
      case OFFSET -> last ? null : Long.toString((token != null ? Long.parseLong(token) : 0) + count);
      case LINK -> nextLink(page);
      case CURSOR -> {
        // an empty page may still name a next one (an API that filters after paging): only the cursor decides
        Object cursor = at(page.body(), Objects.requireNonNull(secondParam));
        String next = cursor == null || cursor instanceof Map || cursor.toString().isEmpty() ? null : cursor.toString();
        yield next == null || next.equals(token) ? null : next;
      }
    };
  }

  private URI sized(URI uri) {
    return secondParam == null ? uri : SafeUrl.withParam(uri, secondParam, Integer.toString(size));
  }

  private static @Nullable String nextLink(Page page) {
    for (String header : page.headers().allValues("Link")) {
      Matcher m = LINK_VALUE.matcher(header);
      while (m.find()) {
        if (isRelNext(m.group(2))) {
          return page.uri().resolve(m.group(1).trim()).toString();
        }
      }
    }
    return null;
  }

  // rel may list several relations: rel="next last"
  private static boolean isRelNext(String params) {
    for (String param : params.split(";")) {
      String[] kv = param.split("=", 2);
      if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("rel")) {
        for (String rel : kv[1].replace("\"", " ").trim().split("\\s+")) {
          if (rel.equalsIgnoreCase("next")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The value at a dotted path in a JSON body, or null. */
  static @Nullable Object at(@Nullable Object body, String path) {
    Object v = body;
    for (String part : path.split("\\.")) {
      if (!(v instanceof Map<?, ?> map)) {
        return null;
      }
      v = map.get(part);
    }
    return v;
  }

  private static String named(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }

  private static int positive(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("page size must be >= 1, was " + size);
    }
    return size;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NONE -> "none";
      case PAGE -> "page numbers in '" + param + "' from " + first + (size > 0 ? ", " + size + " per page" : "");
      case OFFSET -> "offsets in '" + param + "', " + size + " per page";
      case LINK -> "Link header";
      case CURSOR -> "cursor from '" + secondParam + "' in '" + param + "'";
    };
  }
}
