package dev.etlkit.redis;

import dev.etlkit.api.ConfigException;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;

/** Reads a Redis URL; errors never repeat the URL, which may hold a password. */
final class RedisUrl {

  private static final String FORM = "redis://[:PASSWORD@]HOST[:PORT][/DB]";

  private RedisUrl() {
  }

  static RedisURI parse(String url) {
    String trimmed = url.trim();
    if (trimmed.isEmpty()) {
      throw new ConfigException("Redis URL is missing; give one such as " + FORM);
    }
    if (!trimmed.startsWith("redis://") && !trimmed.startsWith("rediss://")) {
      throw new ConfigException("Redis URL must start with redis:// or rediss://, as in " + FORM);
    }
    try {
      // java.net.URI is stricter than Lettuce's parser, which takes "host:notaport" for a host name.
      URI strict = new URI(trimmed);
      if (strict.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return RedisURI.create(trimmed);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new ConfigException("Redis URL is malformed; it must look like " + FORM);
    }
  }
}
