package dev.etlkit.testkit;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL server that tests may create databases on, found the way DESIGN.md says: the
 * {@code ETL_TEST_POSTGRES_URL} environment variable, else 127.0.0.1:5432 if it answers (user postgres,
 * database test, trust auth), else a Testcontainers container when Docker runs.
 *
 * @param host the server's host
 * @param port the server's port
 * @param adminDatabase a database to connect to for {@code CREATE DATABASE}
 * @param user the user, allowed to create databases
 * @param password the password, empty for trust auth
 */
record PostgresServer(String host, int port, String adminDatabase, String user, String password) {

  static final String ENV = "ETL_TEST_POSTGRES_URL";
  private static final String HOW_TO = "No PostgreSQL for tests: set " + ENV
      + "=postgresql://USER:PASSWORD@HOST:PORT/DB, start one on 127.0.0.1:5432 (user postgres, database test, trust auth)"
      + " or start Docker for Testcontainers";
  private static @Nullable PostgresServer found;

  /** The server for this JVM, found once; fails with one line saying how to provide one. */
  static synchronized PostgresServer find() {
    if (found == null) {
      found = discover();
    }
    return found;
  }

  private static PostgresServer discover() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return given(env.trim());
    }
    PostgresServer local = new PostgresServer("127.0.0.1", 5432, "test", "postgres", "");
    if (local.problem() == null) {
      return local;
    }
    if (dockerRuns()) {
      return startContainer();
    }
    throw new IllegalStateException(HOW_TO);
  }

  /** The server {@code ENV} names, if tests can use it; else why not, and what else would do. */
  static PostgresServer given(String url) {
    PostgresServer given = parse(url);
    String problem = given.problem();
    if (problem != null) {
      throw new IllegalStateException(ENV + " names " + given + ", which cannot be used: " + problem
          + (problem.endsWith(".") ? "" : ".") + " Fix it, or unset it to use 127.0.0.1:5432 or Testcontainers.");
    }
    return given;
  }

  /**
   * Reads {@code postgresql://user:pw@host:port/db} or {@code jdbc:postgresql://host:port/db?user=..&password=..}
   * (either form may put the credentials in either place).
   */
  static PostgresServer parse(String url) {
    String plain = url.startsWith("jdbc:") ? url.substring(5) : url;
    URI uri;
    try {
      uri = URI.create(plain);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(ENV + " is not a URL such as postgresql://USER:PASSWORD@HOST:5432/DB");
    }
    if (uri.getHost() == null || !(plain.startsWith("postgresql:") || plain.startsWith("postgres:"))) {
      throw new IllegalStateException(ENV + " is not a URL such as postgresql://USER:PASSWORD@HOST:5432/DB");
    }
    String user = "postgres";
    String password = "";
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
    }
    // the JDBC form's ?user=...&password=..., as the driver reads them
    String query = uri.getRawQuery();
    for (String parameter : query == null ? new String[0] : query.split("&")) {
      int eq = parameter.indexOf('=');
      String name = eq < 0 ? parameter : parameter.substring(0, eq);
      String value = eq < 0 ? "" : decode(parameter.substring(eq + 1));
      if (name.equals("user")) {
        user = value;
      } else if (name.equals("password")) {
        password = value;
      }
    }
    if (uri.getPort() > 65_535) {
      throw new IllegalStateException(ENV + " names port " + uri.getPort() + ", which is no port (1 to 65535)");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return new PostgresServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
        path.isEmpty() ? "postgres" : path, user, password);
  }

  /** The JDBC URL of {@code database} on this server, without credentials. */
  String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** A new connection to {@code database}. */
  Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (!password.isEmpty()) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "5");
    // a server that accepts the connection but never answers the start-up (not PostgreSQL on that port)
    // would otherwise hang the test run
    props.setProperty("loginTimeout", "10");
    return DriverManager.getConnection(jdbcUrl(database), props);
  }

  /** Null when tests can use this server, else why not (never showing the password). */
  private @Nullable String problem() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
    } catch (java.io.IOException e) {
      return "nothing answers on that port (" + e.getMessage() + ").";
    }
    try (Connection c = connect(adminDatabase)) {
      return c.isValid(2) ? null : "the connection does not answer.";
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  private static boolean dockerRuns() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
  private static PostgresServer startContainer() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
    container.start();
    return new PostgresServer(container.getHost(), container.getMappedPort(5432), container.getDatabaseName(),
        container.getUsername(), container.getPassword());
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "PostgreSQL at " + host + ":" + port;
  }
}
