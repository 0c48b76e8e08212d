package dev.etlkit.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A Redis server for tests, found the way DESIGN.md says: the {@code ETL_TEST_REDIS_URL} environment
 * variable, else 127.0.0.1:6379 if it answers PING, else a Testcontainers {@code redis:7} container
 * when Docker runs. {@link RedisExtension} hands it to tests, with a {@link RedisPrefix} for their keys.
 *
 * <p>It speaks just enough of the Redis protocol to check the server and clean up after a test, so
 * the test kit needs no Redis client; {@link #command(String...)} is there for small checks in tests.
 */
public final class RedisServer {

  static final String ENV = "ETL_TEST_REDIS_URL";
  private static final String HOW_TO = "No Redis for tests: set " + ENV
      + "=redis://[:PASSWORD@]HOST:PORT, start one on 127.0.0.1:6379 or start Docker for Testcontainers";
  private static @Nullable RedisServer found;

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final int database;

  RedisServer(String host, int port, String user, String password, int database) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.database = database;
  }

  /** The server for this JVM, found once; fails with one line saying how to provide one. */
  public static synchronized RedisServer find() {
    if (found == null) {
      found = discover();
    }
    return found;
  }

  private static RedisServer discover() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return given(env.trim());
    }
    RedisServer local = new RedisServer("127.0.0.1", 6379, "", "", 0);
    if (local.problem() == null) {
      return local;
    }
    if (dockerRuns()) {
      return startContainer();
    }
    throw new IllegalStateException(HOW_TO);
  }

  /** The server {@code ENV} names, if tests can use it; else why not, and what else would do. */
  static RedisServer given(String url) {
    RedisServer given = parse(url);
    String problem = given.problem();
    if (problem != null) {
      throw new IllegalStateException(ENV + " names " + given + ", which cannot be used: " + problem
          + ". Fix it, or unset it to use 127.0.0.1:6379 or Testcontainers.");
    }
    return given;
  }

  /** Reads {@code redis://[[user]:password@]host[:port][/db]}; an ACL user logs in as that user. */
  static RedisServer parse(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(ENV + " is not a URL such as redis://:PASSWORD@HOST:6379/0");
    }
    if ("rediss".equals(uri.getScheme())) {
      throw new IllegalStateException(ENV + " uses TLS (rediss://), which the test kit's Redis client does not speak;"
          + " give a plain redis:// server for tests");
    }
    if (uri.getHost() == null || !"redis".equals(uri.getScheme())) {
      throw new IllegalStateException(ENV + " is not a URL such as redis://:PASSWORD@HOST:6379/0");
    }
    String userInfo = uri.getRawUserInfo();
    String user = "";
    String password = "";
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = colon < 0 ? "" : URLDecoder.decode(userInfo.substring(0, colon), StandardCharsets.UTF_8);
      password = URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(colon + 1), StandardCharsets.UTF_8);
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (!path.matches("\\d{0,9}")) {
      throw new IllegalStateException(ENV + " is not a URL such as redis://:PASSWORD@HOST:6379/0 (the database is a number)");
    }
    return new RedisServer(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), user, password,
        path.isEmpty() ? 0 : Integer.parseInt(path));
  }

  /** The host. */
  public String host() {
    return host;
  }

  /** The port. */
  public int port() {
    return port;
  }

  /** The URL a Redis client connects to: {@code redis://host:port/db}, with the user and password when there are. */
  public String url() {
    String auth = password.isEmpty() ? "" : java.net.URLEncoder.encode(user, StandardCharsets.UTF_8) + ":"
        + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "@";
    return "redis://" + auth + host + ":" + port + "/" + database;
  }

  /** {@link #url()} as a URI. */
  public URI uri() {
    return URI.create(url());
  }

  /**
   * Sends one command and returns the reply: a String for simple and bulk strings, a Long, a List, or
   * null. An error reply is an {@link IllegalStateException}.
   */
  public @Nullable Object command(String... args) {
    try (RedisWire wire = connect()) {
      return wire.call(args);
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + this + ": " + e.getMessage(), e);
    }
  }

  /** Deletes every key that starts with {@code prefix}; returns how many there were. */
  public long deleteKeysStartingWith(String prefix) {
    if (prefix.isEmpty() || prefix.matches(".*[*?\\[\\]\\\\].*")) {
      throw new IllegalArgumentException("prefix must be non-empty and free of glob characters, was '" + prefix + "'");
    }
    long deleted = 0;
    try (RedisWire wire = connect()) {
      String cursor = "0";
      do {
        List<?> page = (List<?>) wire.call("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000");
        cursor = (String) page.get(0);
        List<?> keys = (List<?>) page.get(1);
        if (!keys.isEmpty()) {
          List<String> del = new ArrayList<>();
          del.add("DEL");
          keys.forEach(k -> del.add((String) k));
          deleted += (Long) wire.call(del.toArray(String[]::new));
        }
      } while (!cursor.equals("0"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + this + ": " + e.getMessage(), e);
    }
    return deleted;
  }

  /** Null when this server answers PING, else why not (never showing the password). */
  private @Nullable String problem() {
    try (RedisWire wire = connect()) {
      Object reply = wire.call("PING");
      return "PONG".equals(reply) ? null : "PING was answered with " + reply;
    } catch (IOException | IllegalStateException e) {
      return e.getMessage();
    }
  }

  private RedisWire connect() throws IOException {
    RedisWire wire = new RedisWire(host, port);
    if (!user.isEmpty()) {
      wire.call("AUTH", user, password);
    } else if (!password.isEmpty()) {
      wire.call("AUTH", password);
    }
    if (database != 0) {
      wire.call("SELECT", Integer.toString(database));
    }
    return wire;
  }

  private static boolean dockerRuns() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
  private static RedisServer startContainer() {
    GenericContainer<?> container = new GenericContainer<>("redis:7").withExposedPorts(6379);
    container.start();
    return new RedisServer(container.getHost(), container.getMappedPort(6379), "", "", 0);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "Redis at " + host + ":" + port;
  }
}
