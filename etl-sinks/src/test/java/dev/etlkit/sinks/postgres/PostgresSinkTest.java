package dev.etlkit.sinks.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.EtlException;
import dev.etlkit.api.Record;
import dev.etlkit.api.RetriableException;
import dev.etlkit.testkit.PostgresDatabase;
import dev.etlkit.testkit.PostgresExtension;
import dev.etlkit.testkit.TestChunk;
import dev.etlkit.testkit.TestContexts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresSinkTest {

  private final PostgresDatabase db;

  PostgresSinkTest(PostgresDatabase db) {
    this.db = db;
  }

  static TableSchema employees() {
    return TableSchema.of(
        Column.of("id", "text").primaryKey(),
        Column.of("name", "varchar(100)").notNull(),
        Column.of("email", "text").notNull().unique(),
        Column.of("age", "integer"),
        Column.of("salary", "numeric(12,2)"),
        Column.of("join_date", "date").from("joinDate"),
        Column.of("is_active", "boolean").from("isActive"),
        Column.of("metadata", "jsonb"),
        Column.computed("created_at", "timestamptz", "now()"),
        Column.computed("updated_at", "timestamptz", "now()").onUpdate("now()"));
  }

  static Record employee(String id, String name, String email) {
    return Record.builder().put("id", id).put("name", name).put("email", email).put("age", 30L)
        .put("salary", new BigDecimal("75000.50")).put("joinDate", LocalDate.of(2020, 1, 15)).put("isActive", true)
        .put("metadata", Map.of("grade", "Mid")).build();
  }

  private PostgresSink upsertSink(String table) {
    return PostgresSink.table(table).dataSource(db.dataSource()).schema(employees()).upsertOn("id").build();
  }

  private static TestChunk<Record> chunk(Record... records) {
    return TestChunk.of(List.of(records));
  }

  private List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i) == null ? "null" : rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void roundTripsDecimalsDatesBooleansJsonAndUnicodeText() throws Exception {
    try (PostgresSink sink = upsertSink("round_trip")) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(
          Record.builder().put("id", "1").put("name", "Zoë \"Zee\" Åberg\tTab\\Back\nslash ☃").put("email", "z@x.io")
              .put("age", 99L).put("salary", new BigDecimal("1234567890.99")).put("joinDate", LocalDate.of(1999, 12, 31))
              .put("isActive", false).put("metadata", Map.of("skills", List.of("SQL", "Java"), "level", 3L)).build(),
          Record.builder().put("id", "2").put("name", "Null Fields").put("email", "n@x.io").put("age", null)
              .put("salary", null).put("joinDate", null).put("isActive", null).put("metadata", null).build()));
      sink.complete();
    }

    assertThat(query("SELECT id, name, email, age, salary, join_date, is_active, metadata FROM round_trip ORDER BY id"))
        .containsExactly(
            List.of("1", "Zoë \"Zee\" Åberg\tTab\\Back\nslash ☃", "z@x.io", "99", "1234567890.99", "1999-12-31", "f",
                "{\"level\": 3, \"skills\": [\"SQL\", \"Java\"]}"),
            List.of("2", "Null Fields", "n@x.io", "null", "null", "null", "null", "null"));
  }

  @Test
  void upsertUpdatesRowsWhoseKeyExistsAndStampsUpdatedAt() throws Exception {
    try (PostgresSink sink = upsertSink("upserted")) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(employee("1", "Ann Old", "ann@x.io"), employee("2", "Bo", "bo@x.io")));
      sink.write(chunk(employee("1", "Ann New", "ann.new@x.io"), employee("3", "Cy", "cy@x.io")));
      sink.complete();
    }

    assertThat(query("SELECT id, name, email, updated_at > created_at FROM upserted ORDER BY id")).containsExactly(
        List.of("1", "Ann New", "ann.new@x.io", "t"),
        List.of("2", "Bo", "bo@x.io", "f"),
        List.of("3", "Cy", "cy@x.io", "f"));
  }

  @Test
  void rejectsOnlyTheRowWhoseEmailBelongsToAnotherId() throws Exception {
    TestChunk<Record> second = chunk(employee("2", "Bo", "bo@x.io"), employee("3", "Cy", "cy@x.io"),
        employee("4", "Dup", "ann@x.io"), employee("5", "Di", "di@x.io"), employee("6", "Ed", "ed@x.io"));
    try (PostgresSink sink = upsertSink("conflicts")) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(employee("1", "Ann", "ann@x.io")));
      sink.write(second);
      sink.complete();
    }

    assertThat(second.rejections()).isEqualTo(Map.of(2,
        "duplicate key value violates unique constraint \"conflicts_email_key\": Key (email)=(ann@x.io) already exists."));
    assertThat(query("SELECT id FROM conflicts ORDER BY id"))
        .containsExactly(List.of("1"), List.of("2"), List.of("3"), List.of("5"), List.of("6"));
  }

  @Test
  void isolatesEveryBadRowOfABatchWithTheServersMessage() throws Exception {
    List<Record> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(employee("id" + i, "Name " + i, "e" + i + "@x.io"));
    }
    rows.set(3, rows.get(3).with("joinDate", "2023-02-30"));
    rows.set(17, rows.get(17).with("name", "x".repeat(101)));
    rows.set(18, rows.get(18).with("name", null));
    rows.set(39, rows.get(39).with("age", "forty"));
    TestChunk<Record> batch = TestChunk.of(rows);

    try (PostgresSink sink = upsertSink("bad_rows")) {
      sink.open(TestContexts.sink(null));
      sink.write(batch);
    }

    assertThat(batch.rejections()).containsOnlyKeys(3, 17, 18, 39)
        .containsEntry(3, "date/time field value out of range: \"2023-02-30\"")
        .containsEntry(17, "value too long for type character varying(100)")
        .containsEntry(39, "invalid input syntax for type integer: \"forty\"");
    // The server's detail ends with the row's created_at and updated_at, which are now().
    assertThat(batch.rejections().get(18)).startsWith("null value in column \"name\" of relation \"bad_rows\" "
        + "violates not-null constraint: Failing row contains (id18, null, e18@x.io, 30, 75000.50, 2020-01-15, t, ");
    assertThat(query("SELECT count(*) FROM bad_rows")).containsExactly(List.of("36"));
  }
}
