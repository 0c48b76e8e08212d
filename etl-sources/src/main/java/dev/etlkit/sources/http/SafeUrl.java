package dev.etlkit.sources.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URLs for messages (no user info, no query: either may hold a secret) and query parameters for paging. */
final class SafeUrl {

  private SafeUrl() {
  }

  /** {@code scheme://host:port/path}: what may be shown. */
  static String of(URI uri) {
    StringBuilder sb = new StringBuilder();
    if (uri.getScheme() != null) {
      sb.append(uri.getScheme()).append("://");
    }
    if (uri.getHost() != null) {
      sb.append(uri.getHost());
    }
    if (uri.getPort() >= 0) {
      sb.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      sb.append(uri.getRawPath());
    }
    return sb.toString();
  }

  /** {@code uri} with the query parameter {@code name} set to {@code value}, replacing any earlier value. */
  static URI withParam(URI uri, String name, String value) {
    String encodedName = URLEncoder.encode(name, StandardCharsets.UTF_8);
    StringBuilder query = new StringBuilder();
    String old = uri.getRawQuery();
    if (old != null && !old.isEmpty()) {
      for (String pair : old.split("&")) {
        String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        if (!key.equals(encodedName) && !pair.isEmpty()) {
          query.append(pair).append('&');
        }
      }
    }
    query.append(encodedName).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    String s = uri.toString();
    int cut = s.indexOf('?');
    int fragment = s.indexOf('#');
    String base = cut >= 0 ? s.substring(0, cut) : fragment >= 0 ? s.substring(0, fragment) : s;
    return URI.create(base + "?" + query);
  }
}
