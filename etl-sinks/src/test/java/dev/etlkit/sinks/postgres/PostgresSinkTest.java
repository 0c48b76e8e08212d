package dev.etlkit.sinks.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.EtlException;
import dev.etlkit.api.Record;
import dev.etlkit.api.Violation;
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
  void roundTripsTheSameValuesWhenTheyUpdateExistingRows() throws Exception {
    // existing keys: the rows go through the staging table and INSERT ... ON CONFLICT DO UPDATE
    try (PostgresSink sink = upsertSink("round_trip_update")) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(employee("1", "Before", "z@x.io"), employee("2", "Before", "n@x.io"), employee("3", "Before", "q@x.io")));
      sink.write(chunk(
          Record.builder().put("id", "1").put("name", "Zoë \"Zee\" Åberg\tTab\\Back\nslash ☃").put("email", "z@x.io")
              .put("age", 99L).put("salary", new BigDecimal("1234567890.99")).put("joinDate", LocalDate.of(1999, 12, 31))
              .put("isActive", false).put("metadata", Map.of("skills", List.of("SQL", "Java"), "level", 3L)).build(),
          Record.builder().put("id", "2").put("name", "Null Fields").put("email", "n@x.io").put("age", null)
              .put("salary", null).put("joinDate", null).put("isActive", null).put("metadata", null).build(),
          Record.builder().put("id", "3").put("name", "NULL").put("email", "{a,b}\"}").put("age", -1L)
              .put("salary", new BigDecimal("-0.5")).put("joinDate", LocalDate.of(2024, 2, 29)).put("isActive", true)
              .put("metadata", Map.of("q", "a \"quoted\" {brace}, \\")).build()));
      sink.complete();
    }

    assertThat(query("SELECT id, name, email, age, salary, join_date, is_active, metadata FROM round_trip_update ORDER BY id"))
        .containsExactly(
            List.of("1", "Zoë \"Zee\" Åberg\tTab\\Back\nslash ☃", "z@x.io", "99", "1234567890.99", "1999-12-31", "f",
                "{\"level\": 3, \"skills\": [\"SQL\", \"Java\"]}"),
            List.of("2", "Null Fields", "n@x.io", "null", "null", "null", "null", "null"),
            List.of("3", "NULL", "{a,b}\"}", "-1", "-0.50", "2024-02-29", "t", "{\"q\": \"a \\\"quoted\\\" {brace}, \\\\\"}"));
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

    String message = "duplicate key value violates unique constraint \"conflicts_email_key\": Key (email)=(ann@x.io) already exists.";
    assertThat(second.rejections()).isEqualTo(Map.of(2, message));
    assertThat(second.violations()).isEqualTo(Map.of(2, List.of(new Violation("email", "unique", message))));
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
    // each on the record's field (joinDate loads into join_date), under the rule it broke
    assertThat(batch.violations().get(3)).extracting(Violation::field, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("joinDate", "database type"));
    assertThat(batch.violations().get(18)).extracting(Violation::field, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "not null"));
    assertThat(batch.violations().get(39)).extracting(Violation::field).containsExactly("age");
  }

  @Test
  void keepsTheLastOfRowsSharingAKeyInOneBatch() throws Exception {
    TestChunk<Record> batch = chunk(employee("1", "First", "a@x.io"), employee("2", "Bo", "bo@x.io"),
        employee("1", "Last", "b@x.io"));
    try (PostgresSink sink = upsertSink("same_key")) {
      sink.open(TestContexts.sink(null));
      sink.write(batch);
    }

    assertThat(batch.rejections()).isEmpty();
    assertThat(query("SELECT id, name, email FROM same_key ORDER BY id"))
        .containsExactly(List.of("1", "Last", "b@x.io"), List.of("2", "Bo", "bo@x.io"));
  }

  @Test
  void keepsAnEarlierRowOfAKeyWhenTheLastOneInTheBatchIsRefused() throws Exception {
    Record older = employee("1", "First", "a@x.io");
    Record refused = Record.of("id", "1", "name", "Last", "email", "b@x.io", "age", -5L);
    TestChunk<Record> batch = chunk(older, employee("2", "Bo", "bo@x.io"), refused);
    execute("CREATE TABLE same_key_refused (id text PRIMARY KEY, name text, email text UNIQUE, age integer CHECK (age > 0))");
    try (PostgresSink sink = PostgresSink.table("same_key_refused").dataSource(db.dataSource()).upsertOn("id").build()) {
      sink.open(TestContexts.sink(null));
      sink.write(batch);
    }

    assertThat(batch.rejections()).containsOnlyKeys(2);
    assertThat(batch.rejections().get(2)).contains("check constraint");
    assertThat(batch.violations().get(2)).extracting(Violation::field, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("age", "check"));
    assertThat(query("SELECT id, name, email, age FROM same_key_refused ORDER BY id"))
        .containsExactly(List.of("1", "First", "a@x.io", "30"), List.of("2", "Bo", "bo@x.io", "30"));
  }

  @Test
  void namesEveryFieldACheckOverSeveralColumnsReads() throws Exception {
    execute("CREATE TABLE periods (id text PRIMARY KEY, starts date, ends date, CONSTRAINT ordered CHECK (ends >= starts))");
    TestChunk<Record> batch = chunk(Record.of("id", "1", "starts", LocalDate.of(2024, 1, 1), "ends", LocalDate.of(2023, 1, 1)));
    try (PostgresSink sink = PostgresSink.table("periods").dataSource(db.dataSource()).build()) {
      sink.open(TestContexts.sink(null));
      sink.write(batch);
    }

    assertThat(batch.violations().get(0)).extracting(Violation::field, Violation::rule).containsExactly(
        org.assertj.core.groups.Tuple.tuple("starts", "check"), org.assertj.core.groups.Tuple.tuple("ends", "check"));
  }

  @Test
  void namesTheFieldHoldingAZeroByteNoTextColumnCanHold() throws Exception {
    execute("CREATE TABLE zero (id text PRIMARY KEY, name text)");
    TestChunk<Record> batch = chunk(Record.of("id", "1", "name", "Ann"), Record.of("id", "2", "name", "Nul\u0000Name"));
    try (PostgresSink sink = PostgresSink.table("zero").dataSource(db.dataSource()).build()) {
      sink.open(TestContexts.sink(null));
      sink.write(batch);
    }

    assertThat(batch.violations().get(1)).extracting(Violation::field, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "database type"));
    assertThat(query("SELECT id FROM zero")).containsExactly(List.of("1"));
  }

  @Test
  void namesNoFieldForAnExpressionIndexButKeepsTheServersMessage() throws Exception {
    execute("CREATE TABLE lower_email (id text PRIMARY KEY, email text)");
    execute("CREATE UNIQUE INDEX lower_email_key ON lower_email (lower(email))");
    TestChunk<Record> batch = chunk(Record.of("id", "1", "email", "Ann@x.io"), Record.of("id", "2", "email", "ann@X.io"));
    try (PostgresSink sink = PostgresSink.table("lower_email").dataSource(db.dataSource()).build()) {
      sink.open(TestContexts.sink(null));
      sink.write(batch);
    }

    assertThat(batch.rejections().get(1)).startsWith("duplicate key value violates unique constraint \"lower_email_key\"");
    assertThat(batch.violations()).isEqualTo(Map.of(1, List.of()));
  }

  @Test
  void namesAFieldThatFirstAppearsAfterTheFirstRecordInsteadOfDroppingItSilently() throws Exception {
    execute("CREATE TABLE late_field (id bigint PRIMARY KEY, name text, note text)");
    TestChunk<Record> batch = chunk(Record.of("id", 1L, "name", "a"), Record.of("id", 2L, "name", "b", "note", "important"));
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream before = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try (PostgresSink sink = PostgresSink.table("late_field").dataSource(db.dataSource()).upsertOn("id").build()) {
      sink.open(TestContexts.sink(null));
      sink.write(batch);
    } finally {
      System.setErr(before);
    }

    assertThat(query("SELECT id, name, note FROM late_field ORDER BY id"))
        .containsExactly(List.of("1", "a", "null"), List.of("2", "b", "null"));
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
        .containsOnlyOnce("field 'note' first appears after the first record");
  }

  @Test
  void rejectsTextWithHalfASurrogatePairInsteadOfStoringAQuestionMark() throws Exception {
    TestChunk<Record> batch = chunk(employee("1", "Ann", "ann@x.io"), employee("2", "Bo \uD800 Chen", "bo@x.io"),
        employee("3", "Cy \uD83D\uDE00", "cy@x.io"));
    try (PostgresSink sink = upsertSink("lone_surrogate")) {
      sink.open(TestContexts.sink(null));
      sink.write(batch);
    }

    assertThat(batch.rejections()).containsOnlyKeys(1);
    assertThat(batch.rejections().get(1)).contains("invalid byte sequence for encoding \"UTF8\"");
    assertThat(query("SELECT id, name FROM lone_surrogate ORDER BY id"))
        .containsExactly(List.of("1", "Ann"), List.of("3", "Cy \uD83D\uDE00"));
  }

  @Test
  void insertModeRejectsARowWhoseKeyExists() throws Exception {
    TestChunk<Record> second = chunk(employee("2", "Bo", "bo@x.io"), employee("1", "Again", "again@x.io"));
    try (PostgresSink sink = PostgresSink.table("inserted").dataSource(db.dataSource()).schema(employees()).build()) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(employee("1", "Ann", "ann@x.io")));
      sink.write(second);
    }

    assertThat(second.rejections()).isEqualTo(Map.of(1,
        "duplicate key value violates unique constraint \"inserted_pkey\": Key (id)=(1) already exists."));
    assertThat(query("SELECT id, name FROM inserted ORDER BY id"))
        .containsExactly(List.of("1", "Ann"), List.of("2", "Bo"));
  }

  @Test
  void insertModeResumedAfterACrashSkipsTheBatchesCommittedSinceTheCheckpointAndGivesBackTheirRejections()
      throws Exception {
    execute("CREATE TABLE resumed_insert (id text PRIMARY KEY, name text, email text UNIQUE)");
    execute("INSERT INTO resumed_insert VALUES ('0', 'Old', 'taken@x.io')");
    List<Record> rows = List.of(employee("1", "Ann", "ann@x.io"), employee("2", "Bo", "bo@x.io"),
        employee("3", "Cy", "taken@x.io"), employee("4", "Di", "di@x.io"), employee("5", "Ed", "ed@x.io"),
        employee("6", "Flo", "flo@x.io"));
    Map<String, Object> checkpoint;
    TestChunk<Record> lost = TestChunk.of(rows.subList(2, 4));
    try (PostgresSink crashed = PostgresSink.table("resumed_insert").dataSource(db.dataSource()).build()) {
      crashed.open(TestContexts.sink(null));
      crashed.write(TestChunk.of(rows.subList(0, 2)));
      checkpoint = crashed.state();
      crashed.write(lost);   // committed, then the process dies before its checkpoint is saved
    }
    assertThat(lost.rejections()).containsOnlyKeys(0);

    // the resumed run delivers the lost batch again, in batches of another size
    TestChunk<Record> again = TestChunk.of(rows.subList(2, 5));
    TestChunk<Record> rest = TestChunk.of(rows.subList(5, 6));
    try (PostgresSink resumed = PostgresSink.table("resumed_insert").dataSource(db.dataSource()).build()) {
      resumed.open(TestContexts.sink(checkpoint));
      resumed.write(again);
      resumed.write(rest);
      resumed.complete();
    }

    assertThat(again.rejections()).isEqualTo(lost.rejections());
    assertThat(again.violations()).isEqualTo(lost.violations()).containsOnlyKeys(0);
    assertThat(again.violations().get(0)).extracting(Violation::field).containsExactly("email");
    assertThat(rest.rejections()).isEmpty();
    assertThat(query("SELECT id FROM resumed_insert ORDER BY id"))
        .containsExactly(List.of("0"), List.of("1"), List.of("2"), List.of("4"), List.of("5"), List.of("6"));
    assertThat(query("SELECT count(*) FROM etl_load_log")).containsExactly(List.of("0"));
  }

  @Test
  void insertModeChecksTheLogAfterALostConnectionSinceTheBatchMayHaveCommitted() throws Exception {
    try (PostgresSink sink = PostgresSink.table("relost").dataSource(db.dataSource()).build()) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(Record.of("id", "1")));
      // as if the commit's answer was lost: the log holds the next batch, the write fails and is retried
      execute("INSERT INTO relost VALUES ('2')");
      execute("INSERT INTO etl_load_log (run_id, destination, first_item, items, rejected) VALUES ('"
          + TestContexts.sink(null).runId() + "', 'relost', 1, 1, '[]')");
      assertThat(terminateOtherSessions()).isEqualTo(1);
      TestChunk<Record> second = chunk(Record.of("id", "2"));
      assertThatThrownBy(() -> sink.write(second)).isInstanceOf(RetriableException.class);
      sink.write(second);
      sink.write(chunk(Record.of("id", "3")));
      sink.complete();
    }

    assertThat(query("SELECT id FROM relost ORDER BY id")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
  }

  @Test
  void insertModeWithoutTheRightToCreateTheLogWarnsAndStillLoads() throws Exception {
    String role = db.name() + "_loader";
    execute("CREATE ROLE " + role + " LOGIN");
    try {
      execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
      execute("CREATE TABLE granted (id text)");
      execute("GRANT SELECT, INSERT ON granted TO " + role);
      org.postgresql.ds.PGSimpleDataSource asRole = new org.postgresql.ds.PGSimpleDataSource();
      asRole.setUrl(db.jdbcUrl());
      asRole.setUser(role);
      try (PostgresSink sink = PostgresSink.table("granted").dataSource(asRole).build()) {
        sink.open(TestContexts.sink(null));
        sink.write(chunk(Record.of("id", "1")));
        assertThat(sink.state()).isEmpty();
        sink.complete();
      }
      assertThat(query("SELECT id FROM granted")).containsExactly(List.of("1"));
      assertThat(query("SELECT to_regclass('etl_load_log') IS NULL")).containsExactly(List.of("t"));
    } finally {
      execute("DROP OWNED BY " + role);
      execute("DROP ROLE " + role);
    }
  }

  @Test
  void throwsRetriableWhenTheConnectionIsLostAndReconnectsOnTheNextAttempt() throws Exception {
    try (PostgresSink sink = upsertSink("reconnects")) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(employee("1", "Ann", "ann@x.io")));
      assertThat(terminateOtherSessions()).isEqualTo(1);

      TestChunk<Record> second = chunk(employee("2", "Bo", "bo@x.io"));
      // Whether the driver first sees the server's goodbye or the closed socket depends on timing.
      assertThatThrownBy(() -> sink.write(second))
          .isInstanceOf(RetriableException.class)
          .extracting(Throwable::getMessage).isIn(
              "sink 'reconnects': An I/O error occurred while sending to the backend. (SQLState 08006)",
              "sink 'reconnects': Database connection failed when starting copy (SQLState 08006)",
              "sink 'reconnects': terminating connection due to administrator command (SQLState 57P01)");
      sink.write(second);
      sink.complete();
    }

    assertThat(query("SELECT id FROM reconnects ORDER BY id")).containsExactly(List.of("1"), List.of("2"));
  }

  @Test
  void retriesAnUpsertWhoseConnectionDiedInsideItsTransactionThroughAPool() throws Exception {
    // A sink built from a URL borrows from HikariCP, which closes a connection at once when a statement
    // on it fails with a lost connection: the rollback that follows fails with "Connection is closed"
    // and no SQLState, and must not hide the lost connection, which is retried.
    try (PostgresSink sink = PostgresSink.table("pooled").url(db.url()).upsertOn("id").build();
        Connection blocker = db.connect()) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(employee("1", "Ann", "ann@x.io")));
      sink.write(chunk(employee("1", "Ann Two", "ann@x.io")));   // a known key: the next batches are staged
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        s.executeQuery("SELECT * FROM pooled WHERE id = '1' FOR UPDATE").close();
      }

      TestChunk<Record> third = chunk(employee("1", "Ann Three", "ann@x.io"), employee("2", "Bo", "bo@x.io"));
      java.util.concurrent.CompletableFuture<Void> write = java.util.concurrent.CompletableFuture.runAsync(() -> {
        try {
          sink.write(third);
        } catch (Exception e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      // the upsert waits for the row lock: end its session while it is inside its transaction
      List<List<Object>> ended = List.of();
      for (int i = 0; i < 200 && ended.isEmpty(); i++) {
        Thread.sleep(25);
        ended = query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO%'");
      }
      assertThat(ended).hasSize(1);
      assertThatThrownBy(write::join).hasCauseInstanceOf(RetriableException.class);
      blocker.rollback();

      sink.write(third);
      sink.complete();
    }

    assertThat(query("SELECT id, name FROM pooled ORDER BY id"))
        .containsExactly(List.of("1", "Ann Three"), List.of("2", "Bo"));
  }

  /** Ends every session in the test database except this one, as an administrator or a failover would. */
  private int terminateOtherSessions() throws SQLException {
    List<List<Object>> ended = query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return ended.size();
  }

  @Test
  void quotesTableAndColumnNamesSoThatInjectionAttemptsStayNames() throws Exception {
    execute("CREATE TABLE victim (id int)");
    String table = "evil\"; DROP TABLE victim; --";
    String field = "name\" text); DROP TABLE victim; --";
    try (PostgresSink sink = PostgresSink.table(table).dataSource(db.dataSource()).upsertOn("id").build()) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(Record.of("id", "1", field, "Robert'); DROP TABLE victim; --")));
      sink.write(chunk(Record.of("id", "1", field, "Bobby")));
    }

    assertThat(query("SELECT count(*) FROM victim")).containsExactly(List.of("0"));
    assertThat(query("SELECT id, \"name\"\" text); drop table victim; --\" FROM \"evil\"\"; DROP TABLE victim; --\""))
        .containsExactly(List.of("1", "Bobby"));
  }

  @Test
  void createsTheTableFromTheFirstRecordWhenNoSchemaIsGiven() throws Exception {
    try (PostgresSink sink = PostgresSink.table("inferred").dataSource(db.dataSource()).upsertOn("id").build()) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(employee("1", "Ann", "ann@x.io").with("rating", 4.5).with("seen", java.time.Instant.EPOCH)));
    }

    assertThat(query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'inferred'"
        + " ORDER BY ordinal_position")).containsExactly(
            List.of("id", "text"), List.of("name", "text"), List.of("email", "text"), List.of("age", "bigint"),
            List.of("salary", "numeric"), List.of("join_date", "date"), List.of("is_active", "boolean"),
            List.of("metadata", "jsonb"), List.of("rating", "double precision"),
            List.of("seen", "timestamp with time zone"));
    assertThat(query("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
        + " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = 'inferred'::regclass AND i.indisprimary"))
        .containsExactly(List.of("id"));
  }

  @Test
  void loadsIntoAnExistingTableByMatchingFieldsToSnakeCaseColumns() throws Exception {
    execute("CREATE TABLE existing (id text PRIMARY KEY, join_date date, is_active boolean, note text DEFAULT 'n/a')");
    try (PostgresSink sink = PostgresSink.table("existing").dataSource(db.dataSource()).upsertOn("id").build()) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(Record.of("id", "1", "joinDate", LocalDate.of(2021, 5, 6), "isActive", true, "unknown", "x")));
    }

    assertThat(query("SELECT id, join_date, is_active, note FROM existing"))
        .containsExactly(List.of("1", "2021-05-06", "t", "n/a"));
  }

  @Test
  void writesBooleansIntoATextColumnAsTrueAndFalse() throws Exception {
    execute("CREATE TABLE flags (id text PRIMARY KEY, flag text, active boolean)");
    try (PostgresSink sink = PostgresSink.table("flags").dataSource(db.dataSource()).upsertOn("id").build()) {
      sink.open(TestContexts.sink(null));
      sink.write(chunk(Record.of("id", "1", "flag", true, "active", true), Record.of("id", "2", "flag", false, "active", false)));
      sink.write(chunk(Record.of("id", "2", "flag", true, "active", true)));
    }

    assertThat(query("SELECT id, flag, active FROM flags ORDER BY id"))
        .containsExactly(List.of("1", "true", "t"), List.of("2", "true", "t"));
  }

  @Test
  void replacesTheTableOnlyWhenTheRunCompletes() throws Exception {
    execute("CREATE TABLE replaced (id text PRIMARY KEY, name text NOT NULL)");
    execute("INSERT INTO replaced VALUES ('old', 'Old Row')");
    try (PostgresSink sink = PostgresSink.table("replaced").dataSource(db.dataSource()).replaceTable().build()) {
      sink.open(TestContexts.sink("run-42", null));
      sink.write(chunk(Record.of("id", "1", "name", "Ann"), Record.of("id", "2", "name", "Bo")));

      assertThat(query("SELECT id FROM replaced")).containsExactly(List.of("old"));
      sink.complete();
    }

    assertThat(query("SELECT id, name FROM replaced ORDER BY id"))
        .containsExactly(List.of("1", "Ann"), List.of("2", "Bo"));
    assertThat(query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'replaced%'"))
        .containsExactly(List.of("replaced"));
  }

  @Test
  void replacesATableWithASerialColumnAndKeepsItsSequence() throws Exception {
    execute("CREATE TABLE numbered (seq serial, id text PRIMARY KEY, name text)");
    execute("INSERT INTO numbered (id, name) VALUES ('old', 'Old Row')");
    for (String run : List.of("run-1", "run-2")) {
      try (PostgresSink sink = PostgresSink.table("numbered").dataSource(db.dataSource()).replaceTable().build()) {
        sink.open(TestContexts.sink(run, null));
        sink.write(chunk(Record.of("id", run, "name", "Ann")));
        sink.complete();
      }
    }

    assertThat(query("SELECT seq, id FROM numbered")).containsExactly(List.of("3", "run-2"));
    execute("INSERT INTO numbered (id, name) VALUES ('later', 'Bo')");
    assertThat(query("SELECT seq FROM numbered WHERE id = 'later'")).containsExactly(List.of("4"));
  }

  @Test
  void replacedTableKeepsTheGrantsOfTheOldOne() throws Exception {
    String reader = "etl_reader_" + Long.toHexString(System.nanoTime());
    execute("CREATE ROLE " + reader);
    try {
      execute("CREATE TABLE granted (id text PRIMARY KEY)");
      execute("GRANT SELECT, INSERT ON granted TO " + reader);
      execute("GRANT SELECT ON granted TO PUBLIC");
      try (PostgresSink sink = PostgresSink.table("granted").dataSource(db.dataSource()).replaceTable().build()) {
        sink.open(TestContexts.sink(null));
        sink.write(chunk(Record.of("id", "1")));
        sink.complete();
      }

      assertThat(query("SELECT grantee, privilege_type FROM information_schema.role_table_grants"
          + " WHERE table_name = 'granted' AND grantee IN ('" + reader + "', 'PUBLIC')"))
          .containsExactlyInAnyOrder(List.of("PUBLIC", "SELECT"), List.of(reader, "INSERT"), List.of(reader, "SELECT"));
    } finally {
      execute("DROP TABLE IF EXISTS granted");
      execute("DROP ROLE " + reader);
    }
  }

  @Test
  void replacedTableGetsItsOwnConstraintAndIndexNames() throws Exception {
    execute("CREATE TABLE named (id text PRIMARY KEY, email text UNIQUE, age integer CHECK (age > 0))");
    execute("CREATE INDEX named_age_idx ON named (age)");
    try (PostgresSink sink = PostgresSink.table("named").dataSource(db.dataSource()).replaceTable().build()) {
      sink.open(TestContexts.sink("run-7", null));
      sink.write(chunk(Record.of("id", "1", "email", "a@x.io", "age", 30L)));
      sink.complete();
    }

    assertThat(query("SELECT conname FROM pg_constraint WHERE conrelid = 'named'::regclass ORDER BY 1"))
        .containsExactly(List.of("named_age_check"), List.of("named_email_key"), List.of("named_pkey"));
    assertThat(query("SELECT indexname FROM pg_indexes WHERE tablename = 'named' ORDER BY 1"))
        .containsExactly(List.of("named_age_idx"), List.of("named_email_key"), List.of("named_pkey"));
  }

  @Test
  void replacingWithNoRecordsLeavesTheTableEmpty() throws Exception {
    execute("CREATE TABLE emptied (id text PRIMARY KEY)");
    execute("INSERT INTO emptied VALUES ('old')");
    try (PostgresSink sink = PostgresSink.table("emptied").dataSource(db.dataSource()).replaceTable().build()) {
      sink.open(TestContexts.sink(null));
      sink.complete();
    }

    assertThat(query("SELECT count(*) FROM emptied")).containsExactly(List.of("0"));
  }

  @Test
  void resumedReplaceRunKeepsFillingTheTableItStarted() throws Exception {
    Record ann = Record.of("id", "1", "name", "Ann");
    Record bo = Record.of("id", "2", "name", "Bo");
    try (PostgresSink crashed = PostgresSink.table("resumed").dataSource(db.dataSource()).replaceTable().upsertOn("id")
        .build()) {
      crashed.open(TestContexts.sink("run-7", null));
      crashed.write(chunk(ann));
    }
    try (PostgresSink resumed = PostgresSink.table("resumed").dataSource(db.dataSource()).replaceTable().upsertOn("id")
        .build()) {
      resumed.open(TestContexts.sink("run-7", Map.of()));
      resumed.write(chunk(ann, bo));
      resumed.complete();
    }

    assertThat(query("SELECT id, name FROM resumed ORDER BY id")).containsExactly(List.of("1", "Ann"), List.of("2", "Bo"));
  }

  @Test
  void failsWithTheServersMessageWhenTheUpsertKeyHasNoUniqueIndex() throws Exception {
    execute("CREATE TABLE no_key (id text, name text)");
    try (PostgresSink sink = PostgresSink.table("no_key").dataSource(db.dataSource()).upsertOn("id").build()) {
      sink.open(TestContexts.sink(null));

      assertThatThrownBy(() -> sink.write(chunk(Record.of("id", "1", "name", "Ann"))))
          .isInstanceOf(EtlException.class)
          .isNotInstanceOf(RetriableException.class)
          .hasMessage("sink 'no_key': there is no unique or exclusion constraint matching the ON CONFLICT specification"
              + " (SQLState 42P10)");
    }
  }
}
