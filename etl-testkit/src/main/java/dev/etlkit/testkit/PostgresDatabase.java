package dev.etlkit.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database made for one test by {@link PostgresExtension} and dropped after it (for
 * a {@code @BeforeAll} method, one for the class, dropped after the class). Tests take it (or just its
 * {@link DataSource}) as a parameter.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class MySinkTest {
 *   @Test
 *   void loadsRows(PostgresDatabase db) {
 *     Sink<Record> sink = PostgresSink.table("t").dataSource(db.dataSource()).build();
 *   }
 * }
 * }</pre>
 */
public final class PostgresDatabase implements AutoCloseable {

  private final PostgresServer server;
  private final String name;
  private final PGSimpleDataSource dataSource;

  PostgresDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
    this.dataSource = new PGSimpleDataSource();
    dataSource.setURL(server.jdbcUrl(name));
    dataSource.setUser(server.user());
    if (!server.password().isEmpty()) {
      dataSource.setPassword(server.password());
    }
  }

  /** The database's name: {@code etl_test_} and random letters. */
  public String name() {
    return name;
  }

  /** A JDBC URL of the database without credentials: {@code jdbc:postgresql://127.0.0.1:5432/etl_test_x}. */
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /**
   * A {@code postgresql://user:password@host:port/db} URL of the database, the form a config's
   * {@code DATABASE_URL} takes. Holds the password; keep it out of test output.
   */
  public String url() {
    String credentials = server.password().isEmpty() ? server.user() : server.user() + ":" + server.password();
    return "postgresql://" + credentials + "@" + server.host() + ":" + server.port() + "/" + name;
  }

  /** The user tests connect as. */
  public String user() {
    return server.user();
  }

  /** The password, empty for trust auth. */
  public String password() {
    return server.password();
  }

  /** A data source that opens a new connection on every call (no pool). */
  public DataSource dataSource() {
    return dataSource;
  }

  /** A new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  /** Drops the database, ending whatever sessions are still open in it. */
  @Override
  public void close() throws SQLException {
    try (Connection c = server.connect(server.adminDatabase()); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }
  }

  @Override
  public String toString() {
    return name + " on " + server;
  }
}
