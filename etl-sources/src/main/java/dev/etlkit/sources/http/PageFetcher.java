package dev.etlkit.sources.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.RetriableException;
import dev.etlkit.internal.Causes;
import dev.etlkit.sources.json.JsonValues;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Makes one GET and turns the answer into a {@link Page}, or into the right exception: a
 * {@link RetriableException} for what may pass (no connection, no answer in time, 5xx, 429 with its
 * {@code Retry-After}), an {@link EtlException} for what will not (other statuses, a body that is not
 * JSON). Messages hold the status and the URL without its query; never a body or a header value.
 */
final class PageFetcher {

  /** Redirects followed for one request, as the JDK's client does. */
  private static final int MOST_REDIRECTS = 5;

  private final JsonFactory json = new JsonFactory();
  private final HttpClient client;
  private final String origin;
  private final Map<String, String> headers;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final @Nullable String itemsField;

  /** {@code base}: the configured URL, whose origin alone is sent the headers. */
  PageFetcher(HttpClient client, URI base, Map<String, String> headers, Duration connectTimeout, Duration requestTimeout,
      @Nullable String itemsField) {
    this.client = client;
    this.origin = origin(base);
    this.headers = headers;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.itemsField = itemsField;
  }

  /** One attempt at the page at {@code uri}; {@code what} names it in messages ("GET https://host/path"). */
  Page fetch(URI uri, String what) throws InterruptedException {
    HttpResponse<byte[]> response = send(uri, what);
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      throw new RetriableException("HTTP " + status, retryAfter(response.headers()));
    }
    if (status < 200 || status > 299) {
      throw new EtlException(what + ": HTTP " + status);
    }
    try {
      Object json = parse(new ByteArrayInputStream(response.body()), what, status, response.headers());
      return new Page(uri, response.headers(), items(json, what), json);
    } catch (IOException e) {
      // the body is in memory: only the parser can fail, and it says so as "not JSON"
      throw new EtlException(what + ": cannot read the body: " + e.getMessage(), e);
    }
  }

  /**
   * The whole response, status, headers and body, within {@code requestTimeout}: the JDK's own request
   * timeout stops at the headers, and a body that stalls would hold the run for good.
   */
  private HttpResponse<byte[]> send(URI uri, String what) throws InterruptedException {
    URI at = uri;
    for (int redirects = 0; ; redirects++) {
      // the headers carry credentials: they go to the configured origin only, not to where a redirect
      // or a next-page link points elsewhere
      if (!origin(at).equals(origin)) {
        throw new EtlException(what + ": " + (redirects > 0 ? "redirected" : "the next page is") + " at another origin, "
            + origin(at) + ", which is not sent the source's headers; configure that URL if it is meant");
      }
      HttpResponse<byte[]> response = sendOnce(at, what);
      Optional<String> location = response.headers().firstValue("Location");
      if (!isRedirect(response.statusCode()) || location.isEmpty()) {
        return response;
      }
      if (redirects == MOST_REDIRECTS) {
        throw new EtlException(what + ": more than " + MOST_REDIRECTS + " redirects");
      }
      at = at.resolve(location.get().trim());
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** {@code scheme://host:port}, the port spelled out. */
  private static String origin(URI uri) {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
  }

  private HttpResponse<byte[]> sendOnce(URI uri, String what) throws InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout);
    headers.forEach(request::header);
    if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
      request.header("Accept", "application/json");
    }
    CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      return answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new RetriableException("no response within " + text(requestTimeout), e);
    } catch (InterruptedException e) {
      answer.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpConnectTimeoutException) {
        throw new RetriableException("no connection within " + text(connectTimeout), cause);
      }
      if (cause instanceof HttpTimeoutException) {
        throw new RetriableException("no response within " + text(requestTimeout), cause);
      }
      if (Causes.find(cause, UnresolvedAddressException.class) != null
          || Causes.find(cause, UnknownHostException.class) != null) {
        throw new RetriableException("unknown host " + uri.getHost(), cause);
      }
      if (cause instanceof ConnectException) {
        throw new RetriableException("connection refused", cause);
      }
      if (cause instanceof IOException) {
        throw new RetriableException("connection failed (" + cause.getClass().getSimpleName() + ")", cause);
      }
      throw new EtlException(what + " failed: " + cause, cause);
    }
  }

  private @Nullable Object parse(InputStream body, String what, int status, HttpHeaders headers) throws IOException {
    try (JsonParser p = json.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return List.of();
      }
      Object json = JsonValues.value(p);
      if (p.nextToken() != null) {
        throw notJson(what, status, headers);
      }
      return json;
    } catch (JsonProcessingException e) {
      throw notJson(what, status, headers);
    }
  }

  private static EtlException notJson(String what, int status, HttpHeaders headers) {
    String type = headers.firstValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse("no content type");
    return new EtlException(what + ": HTTP " + status + " with a body that is not JSON (" + type + ")");
  }

  @SuppressWarnings("unchecked")
  private List<@Nullable Object> items(@Nullable Object json, String what) {
    Object items = itemsField == null ? json : Pagination.at(json, itemsField);
    if (items instanceof List<?> list) {
      return (List<@Nullable Object>) list;
    }
    if (itemsField != null) {
      throw new EtlException(what + ": the body has no array at '" + itemsField + "'");
    }
    if (items instanceof Map) {
      return java.util.Collections.singletonList(items);
    }
    throw new EtlException(what + ": the body is neither an array nor an object");
  }

  /** The wait a {@code Retry-After} header asks for: seconds or an HTTP date; null when absent or unreadable. */
  static @Nullable Duration retryAfter(HttpHeaders headers) {
    String value = headers.firstValue("Retry-After").map(String::trim).orElse(null);
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  static String text(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
