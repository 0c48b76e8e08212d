package dev.etlkit.sources.http;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.RetriableException;
import dev.etlkit.api.Retry;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceContext;
import dev.etlkit.api.SourceItem;
import dev.etlkit.config.Secrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the JSON objects an HTTP API returns, page by page, as records.
 *
 * <pre>{@code
 * Source<Record> api = HttpSource.get(URI.create("https://api.example.com/employees"))
 *     .header("Authorization", "Bearer " + token)
 *     .itemsField("data")
 *     .pagination(Pagination.pageNumbers("page", 1))
 *     .build();
 * }</pre>
 *
 * <p>Each page is a GET whose body is an array of objects, or an object whose {@code itemsField} holds
 * the array. Connection failures, timeouts, 5xx and 429 are retried with the pipeline's {@link Retry}
 * (honouring {@code Retry-After}); any other status, a body that is not JSON, or running out of retries
 * fails the source with one line naming the status and the URL without its query. Header values, user
 * info and query strings never appear in names or messages. An item's position is its page and index
 * in it, so a resumed run fetches that page again and goes on right after the item.
 */
public final class HttpSource implements Source<Record> {

  private static final Logger LOG = LoggerFactory.getLogger(HttpSource.class);

  /** How many times in a row a page may repeat the one before before the API is taken to ignore paging. */
  private static final int MOST_REPEATED_PAGES = 10;

  private final URI url;
  private final Map<String, String> headers;
  private final @Nullable String itemsField;
  private final Pagination pagination;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final UnaryOperator<String> redactor;

  private Retry retry = Retry.none();
  private @Nullable PageFetcher fetcher;
  private @Nullable Page page;
  private @Nullable String token;
  private @Nullable String nextToken;
  /** The URLs of the pages read so far, to stop at a link or cursor that leads back to one of them. */
  private final Set<String> fetched = new HashSet<>();
  /** The items of the page before, to stop at an API that sends the same page whatever it is asked. */
  private @Nullable List<@Nullable Object> previousItems;
  private int repeats;
  private long pageNumber = 1;
  private int index;
  private long skip;

  private HttpSource(Builder b) {
    this.url = b.url;
    this.headers = Map.copyOf(b.headers);
    this.itemsField = b.itemsField;
    this.pagination = b.pagination;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    // the header values are secrets whether or not a config said so: an API may echo them in a link
    List<String> headerSecrets = new ArrayList<>();
    headers.values().forEach(v -> headerSecrets.addAll(Secrets.inHeaderValue(v)));
    Secrets own = Secrets.of(headerSecrets);
    UnaryOperator<String> given = b.redactor;
    this.redactor = text -> own.redact(given.apply(text));
  }

  /** A builder for a source that GETs {@code url}. */
  public static Builder get(URI url) {
    return new Builder(url);
  }

  /** The URL without user info or query: {@code https://api.example.com/employees}. */
  @Override
  public String name() {
    return redactor.apply(SafeUrl.of(url));
  }

  @Override
  public void open(SourceContext context) {
    retry = context.retry();
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER) // followed by the fetcher, which keeps the headers at home
        .build();
    fetcher = new PageFetcher(client, url, headers, connectTimeout, requestTimeout, itemsField);
    Position after = context.resumeAfter();
    if (after != null) {
      token = after.getString("token");
      pageNumber = after.getLong("page", 1);
      skip = after.getLong("item", 0);
    }
  }

  @Override
  public @Nullable SourceItem<Record> read() throws Exception {
    while (page == null || index >= page.items().size()) {
      if (page != null) {
        if (nextToken == null) {
          return null;
        }
        token = nextToken;
        pageNumber++;
      }
      load();
    }
    Object item = page.items().get(index++);
    Position position = token == null
        ? Position.of("page " + pageNumber + " item " + index, "page", pageNumber, "item", (long) index)
        : Position.of("page " + pageNumber + " item " + index, "page", pageNumber, "item", (long) index, "token", token);
    if (item instanceof Map<?, ?> object) {
      return SourceItem.of(Record.of(stringKeys(object)), position);
    }
    return SourceItem.rejected(item, position, "expected a JSON object but found "
        + (item == null ? "null" : item instanceof java.util.List ? "an array" : "a " + kind(item)));
  }

  private void load() throws Exception {
    URI uri = pagination.uri(url, token);
    String what = redactor.apply("GET " + SafeUrl.of(uri)) + (pagination == Pagination.none() ? "" : " (page " + pageNumber + ")");
    PageFetcher f = Objects.requireNonNull(fetcher, "read() before open()");
    try {
      page = retry.call(what, () -> f.fetch(uri, what), (w, attempt, fault, delay) -> LOG.warn(
          "{} failed (attempt {}): {}; retrying in {} ms", w, attempt, redactor.apply(fault.getMessage()), delay.toMillis()));
    } catch (RetriableException e) {
      RetriableException last = e.getCause() instanceof RetriableException cause ? cause : e;
      int attempts = retry.maxRetries() + 1;
      throw new EtlException(what + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
          + last.getMessage(), e);
    }
    // An API that ignores the page or offset parameter answers every request with its first page, for
    // ever. Real data can repeat a page or two (duplicates are what deduplication is for), not ten.
    repeats = previousItems != null && !page.items().isEmpty() && page.items().equals(previousItems) ? repeats + 1 : 0;
    if (repeats == MOST_REPEATED_PAGES) {
      throw new EtlException(what + ": the API sent the same items for " + (MOST_REPEATED_PAGES + 1)
          + " pages in a row; does it ignore the " + pagination + "?");
    }
    previousItems = page.items();
    nextToken = pagination.next(token, page);
    fetched.add(uri.toString());
    if (nextToken != null && fetched.contains(pagination.uri(url, nextToken).toString())) {
      // following it would read the same items again and again
      throw new EtlException(what + ": the next page it names was read before in this run; the API's "
          + pagination + " pagination goes round in a loop");
    }
    index = (int) Math.min(skip, page.items().size());
    skip = 0;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stringKeys(Map<?, ?> object) {
    return (Map<String, Object>) object;
  }

  private static String kind(Object value) {
    return value instanceof String ? "string" : value instanceof Boolean ? "boolean" : "number";
  }

  /**
   * The URL with its secrets masked, those in its path too (a rotated key does not stop a resume), the
   * items field and the paging.
   */
  @Override
  public String definition() {
    return "api " + redactor.apply(Secrets.maskedUrl(url.toString())) + " items=" + itemsField + " pages=" + pagination;
  }

  @Override
  public String toString() {
    return "HttpSource[" + name() + "]";
  }

  /** Options of an {@link HttpSource}; every setter checks its argument at once. */
  public static final class Builder {
    private final URI url;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable String itemsField;
    private Pagination pagination = Pagination.none();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private UnaryOperator<String> redactor = UnaryOperator.identity();

    private Builder(URI url) {
      this.url = Objects.requireNonNull(url, "url");
    }

    /**
     * A request header, e.g. {@code Authorization}; its value never shows in messages.
     *
     * @throws IllegalArgumentException for a name the JDK will not send ({@code Host}) or a value with a line break
     */
    public Builder header(String name, String value) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("header name must not be blank");
      }
      try {
        HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, Objects.requireNonNull(value, "header value"));
      } catch (IllegalArgumentException e) {
        // the value may be a secret: name the header only
        throw new IllegalArgumentException("header '" + name + "' cannot be sent (a restricted name, or a character"
            + " a header cannot hold)");
      }
      headers.put(name, value);
      return this;
    }

    /** The field of the body's top-level object holding the array of items; a dotted path reaches deeper. */
    public Builder itemsField(String itemsField) {
      if (itemsField == null || itemsField.isBlank()) {
        throw new IllegalArgumentException("itemsField must not be blank");
      }
      this.itemsField = itemsField;
      return this;
    }

    /** How the API pages its items; default {@link Pagination#none()}. */
    public Builder pagination(Pagination pagination) {
      this.pagination = Objects.requireNonNull(pagination, "pagination");
      return this;
    }

    /** How long to wait for a connection; default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connectTimeout", connectTimeout);
      return this;
    }

    /** How long to wait for the whole response (status, headers and body) once the request is sent; default 30 s. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive("requestTimeout", requestTimeout);
      return this;
    }

    /**
     * Masks secrets in the source's name and messages, for a URL whose path holds one (a key put there
     * from an environment variable); the query and user info are never shown anyway. A config's source
     * passes {@link dev.etlkit.api.PluginConfig#redact}.
     */
    public Builder redact(UnaryOperator<String> redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /** The source; fails with a {@link ConfigException} for a URL that is not http(s). */
    public HttpSource build() {
      String problem = urlProblem(url);
      if (problem != null) {
        throw new ConfigException("api source: url " + problem);
      }
      return new HttpSource(this);
    }

    /** What is wrong with {@code url} for this source ("must be an absolute http or https URL, was ..."), or null. */
    static @Nullable String urlProblem(URI url) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
        return "must be an absolute http or https URL, was " + SafeUrl.of(url);
      }
      return null;
    }

    private static Duration positive(String what, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + d);
      }
      return d;
    }
  }
}
