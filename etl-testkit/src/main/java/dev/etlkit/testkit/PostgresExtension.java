package dev.etlkit.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension that gives each test its own fresh PostgreSQL database, dropped when the test is
 * done (a {@code @BeforeAll} method gets one for the class, dropped after the class). Test methods,
 * constructors and lifecycle methods take a {@link DataSource} or a {@link PostgresDatabase} parameter;
 * within one test (its constructor, {@code @BeforeEach} methods and the test method) they all get the
 * same database. Under {@code @TestInstance(PER_CLASS)} the one instance is made for the class, so its
 * constructor gets the class's database.
 *
 * <p>The server is found once per JVM: {@code ETL_TEST_POSTGRES_URL}
 * ({@code postgresql://user:password@host:port/db}, a user that may create databases), else
 * 127.0.0.1:5432 if it answers (user postgres, database test, trust auth), else a Testcontainers
 * container when Docker runs; otherwise the test fails with one line saying how to provide one.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class LoadTest {
 *   @Test
 *   void loadsRows(DataSource ds) throws SQLException { ... }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A test class's constructor gets the context of the test it is made for (not the class's), so that
   * the constructor, {@code @BeforeEach} and the test method share one test's resources.
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DataSource.class || type == PostgresDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    PostgresDatabase db = database(context);
    return parameter.getParameter().getType() == DataSource.class ? db.dataSource() : db;
  }

  /**
   * The database of the test (or of the class, for {@code @BeforeAll}), created on first use; the store
   * closes (drops) it when that context ends. Keyed by the context itself: a store also answers with what
   * an enclosing context put there, and each test must get its own.
   */
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 5 has no computeIfAbsent
  private static PostgresDatabase database(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(), key -> new Dropped(create()),
        Dropped.class).database;
  }

  /**
   * Drops the database when the store closes. A {@code CloseableResource} and not an {@code AutoCloseable}:
   * JUnit 5 closes only the former, and JUnit 6, which closes both, would otherwise close it twice.
   */
  @SuppressWarnings("deprecation")
  private record Dropped(PostgresDatabase database) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws SQLException {
      database.close();
    }
  }

  private static PostgresDatabase create() {
    PostgresServer server = PostgresServer.find();
    String name = "etl_test_" + randomSuffix();
    try (Connection c = server.connect(server.adminDatabase()); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new ParameterResolutionException("cannot create test database " + name + " on " + server + ": "
          + e.getMessage(), e);
    }
    return new PostgresDatabase(server, name);
  }

  private static String randomSuffix() {
    char[] c = new char[10];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ('a' + RANDOM.nextInt(26));
    }
    return new String(c);
  }
}
