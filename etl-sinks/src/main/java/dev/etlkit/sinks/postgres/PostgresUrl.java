package dev.etlkit.sinks.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A database URL split into a JDBC URL without credentials, a user and a password, so that the
 * password travels only as a connection property and never shows up in a URL that gets logged.
 * Accepts {@code postgresql://user:password@host:port/db?sslmode=require} (also {@code postgres://}, the
 * form of {@code DATABASE_URL}) and {@code jdbc:postgresql://host:port/db?user=u&password=p}; user and
 * password are percent-decoded.
 *
 * @param jdbcUrl the JDBC URL without user or password
 * @param user the user, or empty to let the driver choose
 * @param password the password, or empty
 */
record PostgresUrl(String jdbcUrl, String user, String password) {

  private static final Pattern USERINFO = Pattern.compile("(://)[^/?#@]*@");
  /** libpq parameters the driver knows under another name, with the same values. */
  private static final Map<String, String> LIBPQ_NAMES = Map.of(
      "application_name", "ApplicationName",
      "connect_timeout", "connectTimeout");
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;#\\s]*");

  /** Parses a URL; the error message never repeats the password. */
  static PostgresUrl parse(String url) {
    String s = url.trim();
    boolean jdbcNames = s.startsWith("jdbc:");
    if (jdbcNames) {
      s = s.substring(5);
    }
    String rest;
    if (s.startsWith("postgresql://")) {
      rest = s.substring("postgresql://".length());
    } else if (s.startsWith("postgres://")) {
      rest = s.substring("postgres://".length());
    } else {
      // the URL is not quoted: a password holding '/', '?' or '#' would defeat any masking of it
      throw new IllegalArgumentException("the URL is not a PostgreSQL URL such as postgresql://user:password@host:5432/db"
          + " or jdbc:postgresql://host/db");
    }
    int queryAt = rest.indexOf('?');
    String beforeQuery = queryAt < 0 ? rest : rest.substring(0, queryAt);
    String query = queryAt < 0 ? "" : rest.substring(queryAt + 1);
    int at = beforeQuery.lastIndexOf('@');
    String user = "";
    String password = "";
    if (at >= 0) {
      String userInfo = beforeQuery.substring(0, at);
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user");
      password = colon < 0 ? "" : decode(userInfo.substring(colon + 1), "password");
      beforeQuery = beforeQuery.substring(at + 1);
    }
    if (beforeQuery.isEmpty() || beforeQuery.startsWith("/")) {
      throw new IllegalArgumentException("the URL names no host");
    }
    int slash = beforeQuery.indexOf('/');
    for (String host : (slash < 0 ? beforeQuery : beforeQuery.substring(0, slash)).split(",")) {
      // the driver would only warn about it on stderr and fail at connect time
      int colon = host.lastIndexOf(':');
      if (colon > host.lastIndexOf(']') && !isPort(host.substring(colon + 1))) {
        throw new IllegalArgumentException("the URL has a port that is not a number from 1 to 65535 (a password with"
            + " '/', '?', '#' or '@' must be percent-encoded)");
      }
    }
    List<String> kept = new ArrayList<>();
    for (String param : query.isEmpty() ? new String[0] : query.split("&")) {
      String lower = param.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("user=")) {
        user = decode(param.substring(5), "user");
      } else if (lower.startsWith("password=")) {
        password = decode(param.substring(9), "password");
      } else if (!param.isEmpty()) {
        kept.add(jdbcNames ? param : driverName(param));
      }
    }
    // no database: as psql, the user's name; the driver reads an empty one so, but warns on stderr without the '/'
    String hostAndDatabase = slash < 0 ? beforeQuery + "/" : beforeQuery;
    String jdbc = "jdbc:postgresql://" + hostAndDatabase + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    return new PostgresUrl(jdbc, user, password);
  }

  /**
   * A libpq parameter of a {@code postgresql://} URL under the driver's name where the two differ: the driver
   * ignores names it does not know, so {@code application_name} would be lost without a word.
   */
  private static String driverName(String param) {
    int eq = param.indexOf('=');
    String name = eq < 0 ? param : param.substring(0, eq);
    String driver = LIBPQ_NAMES.getOrDefault(name, name);
    return eq < 0 ? driver : driver + param.substring(eq);
  }

  private static boolean isPort(String s) {
    return s.matches("[0-9]{1,5}") && Integer.parseInt(s) >= 1 && Integer.parseInt(s) <= 65535;
  }

  /** A plain connection: it tells why it failed at once, where a pool would wait out its timeout first. */
  Connection connect() throws SQLException {
    Properties props = new Properties();
    if (!user.isEmpty()) {
      props.setProperty("user", user);
    }
    if (!password.isEmpty()) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(jdbcUrl, props);
  }

  /** A small HikariCP pool: a sink uses one connection at a time, a second covers a reconnect. */
  HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (!user.isEmpty()) {
      config.setUsername(user);
    }
    if (!password.isEmpty()) {
      config.setPassword(password);
    }
    config.setPoolName("etlkit-postgres-sink");
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(10_000);
    // The sink has just connected with connect(); later failures are transient faults for write() to report.
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  /** {@code text} with whatever looks like a URL's password replaced by {@code ***}. */
  static String redact(String text) {
    String s = USERINFO.matcher(text).replaceAll(m -> {
      String info = m.group().substring(3, m.group().length() - 1);
      int colon = info.indexOf(':');
      return m.group(1) + (colon < 0 ? info : info.substring(0, colon) + ":***") + "@";
    });
    return PASSWORD_PARAM.matcher(s).replaceAll("$1***");
  }

  /**
   * The percent-decoded {@code s}; a bad escape is named without quoting the URL, whose password may hold
   * an {@code @} that would defeat {@link #redact}.
   */
  private static String decode(String s, String what) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the URL's " + what
          + " is not percent-encoded right: each % must start a %XX escape (write % itself as %25)");
    }
  }

  /**
   * The JDBC URL without its parameters, and the user: safe for messages. Parameters may hold secrets
   * under names no list can foresee ({@code sslpassword}, a driver's {@code pwd}), and this text reaches
   * checkpoints and reports, which no log masking sees.
   */
  @Override
  public String toString() {
    int query = jdbcUrl.indexOf('?');
    String where = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    return user.isEmpty() ? where : where + " as " + user;
  }
}
