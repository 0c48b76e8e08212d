package dev.etlkit.transform;

import dev.etlkit.api.EtlException;
import dev.etlkit.api.Record;
import dev.etlkit.api.RetriableException;
import dev.etlkit.api.TransformContext;
import dev.etlkit.config.Secrets;
import dev.etlkit.internal.SqlStates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * Reference data queried one key at a time over one connection, with the answers (misses too) kept
 * in a least-recently-used cache. Queries are serialized: with a warm cache they are rare, and one
 * connection is all a lookup should take from a pool.
 */
final class JdbcReference implements ReferenceData {

  private static final Optional<Record> MISSING = Optional.empty();

  private final Callable<Connection> connect;
  private final String sql;
  private final String where;
  private final Map<String, Optional<Record>> cache;
  private @Nullable Connection connection;
  private @Nullable PreparedStatement statement;
  /** PostgreSQL types an untyped parameter from the query; other databases get the key as text. */
  private boolean untypedKey;

  JdbcReference(Callable<Connection> connect, String sql, String where, int cacheSize) {
    this.connect = connect;
    this.sql = sql;
    this.where = where;
    this.cache = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Optional<Record>> eldest) {
        return size() > cacheSize;
      }
    };
  }

  /**
   * A connection to {@code url}. The driver's own messages repeat the URL, password and all ("No
   * suitable driver found for postgresql://bob:pw@..."): a failure is told without it, and without the
   * driver's exception, whose message would reach the logs.
   */
  static Connection connect(String url) throws SQLException {
    try {
      return java.sql.DriverManager.getConnection(url);
    } catch (SQLException e) {
      String message = String.valueOf(e.getMessage()).replace(url, withoutSecrets(url));
      for (String password : Secrets.passwordsIn(url)) {
        if (!password.isEmpty()) {
          message = message.replace(password, Secrets.MASK);
        }
      }
      SQLException told = new SQLException(message, e.getSQLState(), e.getErrorCode());
      told.setStackTrace(e.getStackTrace());
      throw told;
    }
  }

  /** A JDBC URL without user info and parameters, which may hold a password. */
  static String withoutSecrets(String url) {
    String s = url.replaceAll("//[^/@]*@", "//");
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }

  @Override
  public synchronized void open(TransformContext context) throws Exception {
    cache.clear();
    try {
      statement();
    } catch (SQLException e) {
      if (SqlStates.isTransient(e)) {
        throw new RetriableException("lookup in " + where + " failed: " + e.getMessage(), e);
      }
      // a missing table or column, a wrong query, no permission: every record would fail the same way
      throw new EtlException("lookup in " + where + " cannot run its query: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized @Nullable Record find(String key) throws Exception {
    Optional<Record> cached = cache.get(key);
    if (cached != null) {
      return cached.orElse(null);
    }
    Record found;
    try {
      found = query(key);
    } catch (SQLException e) {
      if (SqlStates.isDataError(e)) {
        // this key's value does not fit the query (text for an integer column, say): that record alone
        throw e;
      }
      closeQuietly();
      if (SqlStates.isTransient(e)) {
        throw new RetriableException("lookup in " + where + " failed: " + e.getMessage(), e);
      }
      // a missing table or column, a wrong query, no permission: every record would fail the same way
      throw new EtlException("lookup in " + where + " cannot run its query: " + e.getMessage(), e);
    }
    cache.put(key, found == null ? MISSING : Optional.of(found));
    return found;
  }

  private @Nullable Record query(String key) throws Exception {
    PreparedStatement ps = statement();
    if (untypedKey) {
      // the server gives the key the type its comparison needs: WHERE id = ? works on an integer id too
      ps.setObject(1, key, Types.OTHER);
    } else {
      ps.setString(1, key);
    }
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      ResultSetMetaData meta = rs.getMetaData();
      Record.Builder b = Record.builder(meta.getColumnCount());
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        b.put(meta.getColumnLabel(i), value(rs.getObject(i)));
      }
      return b.build();
    }
  }

  private static @Nullable Object value(@Nullable Object v) {
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    return v.toString();
  }

  private PreparedStatement statement() throws Exception {
    if (statement == null) {
      try {
        connection = connect.call();
        if (!connection.getAutoCommit()) {
          // each lookup stands alone: inside a transaction, one key the query cannot take would abort it
          // and every later lookup on the connection would fail
          connection.setAutoCommit(true);
        }
        untypedKey = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        statement = connection.prepareStatement(sql);
        checkOneParameter(statement);
      } catch (SQLException e) {
        closeQuietly();
        throw e;
      }
    }
    return statement;
  }

  /**
   * A query with another number of parameters than the one key (a second {@code ?}, or the only one
   * inside a string literal) would reject every record with a driver error: it fails the run here.
   */
  private void checkOneParameter(PreparedStatement ps) throws SQLException {
    int count;
    try {
      count = ps.getParameterMetaData().getParameterCount();
    } catch (java.sql.SQLFeatureNotSupportedException e) {
      return; // a driver that cannot tell: the first query will
    }
    if (count != 1) {
      closeQuietly();
      throw new EtlException("lookup query on " + where + " must take exactly one parameter, the key, but takes "
          + count + ": " + sql);
    }
  }

  @Override
  public String name() {
    return where;
  }

  @Override
  public synchronized void close() {
    closeQuietly();
    cache.clear();
  }

  private void closeQuietly() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      // the connection is being dropped anyway
    }
    connection = null;
    statement = null;
  }
}
