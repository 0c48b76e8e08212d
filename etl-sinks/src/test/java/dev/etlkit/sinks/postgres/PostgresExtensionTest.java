package dev.etlkit.sinks.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.testkit.PostgresDatabase;
import dev.etlkit.testkit.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The testkit's extension gives each test a database of its own, as DESIGN.md asks, shared with the test's constructor. */
@ExtendWith(PostgresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresExtensionTest {

  private static String firstTestsDatabase;
  private final String constructorsDatabase;

  PostgresExtensionTest(PostgresDatabase db) {
    constructorsDatabase = db.jdbcUrl();
  }

  @Test
  @Order(1)
  void firstTestCreatesATable(PostgresDatabase db) throws SQLException {
    firstTestsDatabase = db.jdbcUrl();
    assertThat(constructorsDatabase).isEqualTo(db.jdbcUrl());
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE left_behind (id int)");
    }
  }

  @Test
  @Order(2)
  void secondTestStartsFromAnEmptyDatabaseOfItsOwn(PostgresDatabase db) throws SQLException {
    assertThat(db.jdbcUrl()).isNotEqualTo(firstTestsDatabase).isEqualTo(constructorsDatabase);
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('left_behind') IS NULL")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
    }
  }
}
