package dev.etlkit.examples.employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.Violation;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.ListSource;
import dev.etlkit.testkit.PostgresDatabase;
import dev.etlkit.testkit.PostgresExtension;
import dev.etlkit.transform.Enrich;
import dev.etlkit.transform.EnrichProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Enriching employees with their department's cost center from a PostgreSQL table (a JDBC lookup). */
@ExtendWith(PostgresExtension.class)
class DepartmentLookupTest {

  private static final String QUERY = "SELECT cost_center AS \"costCenter\", manager FROM departments WHERE name = ?";

  private final PostgresDatabase db;

  DepartmentLookupTest(PostgresDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void departments() throws SQLException {
    sql("DROP TABLE IF EXISTS departments",
        "CREATE TABLE departments (name varchar PRIMARY KEY, cost_center varchar, manager varchar)",
        "INSERT INTO departments VALUES ('Engineering', 'CC-100', 'Grace'), ('Sales', 'CC-200', NULL)");
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  @Test
  void failsAtOpenForAQueryThatDoesNotTakeExactlyTheKey() {
    for (String query : new String[] {"SELECT cost_center FROM departments WHERE name = ? AND manager = ?",
        "SELECT cost_center FROM departments WHERE name = '?'"}) {
      assertThatThrownBy(() -> Outcomes.opened(Enrich.lookup("department").jdbc(db.dataSource(), query).build()))
          .as(query)
          .isInstanceOf(dev.etlkit.api.EtlException.class)
          .hasMessageStartingWith("lookup query on a data source must take exactly one parameter, the key, but takes ");
    }
  }

  @Test
  void joinsTheDepartmentRowByKey() throws Exception {
    Transformer<Record, Record> lookup = Outcomes.opened(Enrich.lookup("department").jdbc(db.dataSource(), QUERY).build());
    try {
      assertThat(Outcomes.emitted(lookup, Record.of("id", "1", "department", "Engineering")))
          .containsExactly(Record.of("id", "1", "department", "Engineering", "costCenter", "CC-100", "manager", "Grace"));
      assertThat(Outcomes.emitted(lookup, Record.of("id", "2", "department", "Sales")))
          .containsExactly(Record.of("id", "2", "department", "Sales", "costCenter", "CC-200", "manager", null));
      assertThat(Outcomes.emitted(lookup, Record.of("id", "3", "department", "HR")))
          .containsExactly(Record.of("id", "3", "department", "HR"));
    } finally {
      lookup.close();
    }
  }

  @Test
  void answersRepeatedKeysFromItsCache() throws Exception {
    Transformer<Record, Record> lookup = Outcomes.opened(Enrich.lookup("department").jdbc(db.dataSource(), QUERY).build());
    try {
      Outcomes.emitted(lookup, Record.of("department", "Engineering"));
      Outcomes.emitted(lookup, Record.of("department", "HR"));
      sql("UPDATE departments SET cost_center = 'CC-999'", "INSERT INTO departments VALUES ('HR', 'CC-300', 'Ada')");

      assertThat(Outcomes.emitted(lookup, Record.of("department", "Engineering")).get(0).get("costCenter")).isEqualTo("CC-100");
      assertThat(Outcomes.emitted(lookup, Record.of("department", "HR")).get(0).has("costCenter")).isFalse();
    } finally {
      lookup.close();
    }
  }

  @Test
  void queriesEveryTimeWithoutACache() throws Exception {
    Transformer<Record, Record> lookup = Outcomes.opened(
        Enrich.lookup("department").jdbc(db.dataSource(), QUERY).cacheSize(0).build());
    try {
      Outcomes.emitted(lookup, Record.of("department", "Engineering"));
      sql("UPDATE departments SET cost_center = 'CC-999'");

      assertThat(Outcomes.emitted(lookup, Record.of("department", "Engineering")).get(0).get("costCenter")).isEqualTo("CC-999");
    } finally {
      lookup.close();
    }
  }

  @Test
  void rejectsAnEmployeeOfAnUnknownDepartmentFromConfig() throws Exception {
    String url = db.jdbcUrl() + "?user=" + URLEncoder.encode(db.user(), StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8);
    Transformer<Record, Record> lookup = Outcomes.opened(new EnrichProvider().create(new PluginConfig("transformations[2]",
        Map.of("lookup", Map.of("key", "department", "url", url, "query", QUERY, "fields", java.util.List.of("costCenter"),
            "rejectMissing", true)), Path.of(""))));
    try {
      assertThat(Outcomes.emitted(lookup, Record.of("department", "Sales")))
          .containsExactly(Record.of("department", "Sales", "costCenter", "CC-200"));
      assertThatThrownBy(() -> Outcomes.emitted(lookup, Record.of("department", "Legal")))
          .isInstanceOf(RecordException.class)
          .hasMessage("department: has no match in " + db.jdbcUrl() + ", was \"Legal\"");
    } finally {
      lookup.close();
    }
  }

  @Test
  void matchesAnIntegerKeyColumnAndRejectsAKeyThatIsNoInteger() throws Exception {
    sql("DROP TABLE IF EXISTS department_ids",
        "CREATE TABLE department_ids (id integer PRIMARY KEY, name varchar)",
        "INSERT INTO department_ids VALUES (7, 'Engineering')");
    CollectingSink<Record> sink = CollectingSink.create();
    PipelineResult result = Pipeline.builder("lookup")
        .source(ListSource.of(Record.of("departmentId", 7L), Record.of("departmentId", "7"), Record.of("departmentId", "seven")))
        .transform(Enrich.lookup("departmentId").jdbc(db.dataSource(), "SELECT name AS department FROM department_ids WHERE id = ?")
            .build())
        .sink(sink)
        .noCheckpoints()
        .build()
        .run();

    assertThat(result.succeeded()).isTrue();
    assertThat(sink.items()).extracting(r -> r.get("department")).containsExactly("Engineering", "Engineering");
    assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.violations()).containsExactly(new Violation("departmentId",
        "lookup", "cannot be looked up in a data source (invalid input syntax for type integer: \"seven\"), was \"seven\"")));
  }

  @Test
  void looksUpAfterABadKeyOnAConnectionThatIsNotInAutoCommit() throws Exception {
    sql("DROP TABLE IF EXISTS department_ids",
        "CREATE TABLE department_ids (id integer PRIMARY KEY, name varchar)",
        "INSERT INTO department_ids VALUES (7, 'Engineering')");
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(db.jdbcUrl());
    pool.setUsername(db.user());
    pool.setPassword(db.password());
    pool.setAutoCommit(false);
    try (HikariDataSource transactional = new HikariDataSource(pool)) {
      Transformer<Record, Record> lookup = Outcomes.opened(Enrich.lookup("departmentId")
          .jdbc(transactional, "SELECT name AS department FROM department_ids WHERE id = ?").build());
      try {
        assertThatThrownBy(() -> Outcomes.emitted(lookup, Record.of("departmentId", "seven"))).isInstanceOf(RecordException.class);
        assertThat(Outcomes.emitted(lookup, Record.of("departmentId", 7L))).extracting(r -> r.get("department"))
            .containsExactly("Engineering");
      } finally {
        lookup.close();
      }
    }
  }

  @Test
  void failsTheRunWhenTheLookupTableIsMissing() {
    CollectingSink<Record> sink = CollectingSink.create();
    PipelineResult result = Pipeline.builder("lookup")
        .source(ListSource.of(Record.of("department", "Engineering"), Record.of("department", "Sales")))
        .transform(Enrich.lookup("department").jdbc(db.dataSource(), "SELECT cost_center FROM no_such_departments WHERE name = ?")
            .build())
        .sink(sink)
        .noCheckpoints()
        .build()
        .run();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.rejected()).isZero();
    assertThat(sink.items()).isEmpty();
    assertThat(result.failure()).contains("cannot run its query").contains("relation \"no_such_departments\" does not exist");
  }
}
