package dev.etlkit.bench;

import dev.etlkit.api.Record;
import dev.etlkit.sinks.postgres.Column;
import dev.etlkit.sinks.postgres.PostgresSink;
import dev.etlkit.sinks.postgres.TableSchema;
import dev.etlkit.testkit.TestChunk;
import dev.etlkit.testkit.TestContexts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Loads the same employee rows into the same PostgreSQL table five ways, in one run, and prints each
 * way's rows per second and its ratio to {@code psql \copy} (the floor a bulk loader is measured
 * against): the sink in insert mode, in upsert mode into an empty table and into a table that already
 * holds every row, {@code \copy} of the same clean CSV, and a plain JDBC {@code addBatch} loop. Runs
 * are interleaved and repeated; the median counts. Not a JMH benchmark: one load takes seconds.
 *
 * <pre>
 * mvn -q install -DskipTests &amp;&amp; java -cp etl-bench/target/benchmarks.jar dev.etlkit.bench.PostgresLoadBenchmark \
 *     [--rows=1000000] [--batch=1000] [--repeat=3] [--host=127.0.0.1] [--port=5432] [--db=test] [--user=postgres]
 * </pre>
 * The password, if any, comes from {@code PGPASSWORD}. Needs {@code psql} on the PATH.
 */
public final class PostgresLoadBenchmark {

  private static final String TABLE = "bench_employees";
  private static final String COLUMNS = "id, name, email, age, department, salary, join_date, is_active";
  private static final String[] DEPARTMENTS = {"Engineering", "Sales", "Marketing", "HR", "Finance"};

  private final Map<String, String> args;
  private final int rows;
  private final int batch;
  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

  private PostgresLoadBenchmark(Map<String, String> args) {
    this.args = args;
    this.rows = Integer.parseInt(args.getOrDefault("rows", "1000000"));
    this.batch = Integer.parseInt(args.getOrDefault("batch", "1000"));
    dataSource.setServerNames(new String[] {arg("host", "127.0.0.1")});
    dataSource.setPortNumbers(new int[] {Integer.parseInt(arg("port", "5432"))});
    dataSource.setDatabaseName(arg("db", "test"));
    dataSource.setUser(arg("user", "postgres"));
    String password = System.getenv("PGPASSWORD");
    if (password != null) {
      dataSource.setPassword(password);
    }
  }

  /** Runs the comparison; see the class comment for the arguments. */
  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (String a : argv) {
      int eq = a.indexOf('=');
      args.put(a.substring(2, eq < 0 ? a.length() : eq), eq < 0 ? "true" : a.substring(eq + 1));
    }
    new PostgresLoadBenchmark(args).run(Integer.parseInt(args.getOrDefault("repeat", "3")));
  }

  private String arg(String name, String fallback) {
    return args.getOrDefault(name, fallback);
  }

  private void run(int repeat) throws Exception {
    List<Record> records = employees(rows);
    Path csv = Files.createTempFile("bench-employees", ".csv");
    writeCsv(records, csv);
    Map<String, long[]> nanos = new LinkedHashMap<>();
    for (String way : List.of("psql \\copy", "sink insert", "sink upsert (new rows)", "sink upsert (all rows exist)",
        "JDBC addBatch insert")) {
      nanos.put(way, new long[repeat]);
    }
    for (int r = 0; r < repeat; r++) {
      nanos.get("psql \\copy")[r] = time(() -> psqlCopy(csv));
      nanos.get("sink insert")[r] = time(() -> sink(records, false));
      nanos.get("sink upsert (new rows)")[r] = time(() -> sink(records, true));
      // The table now holds every row: this time each one is an update.
      nanos.get("sink upsert (all rows exist)")[r] = timeWithoutReset(() -> sink(records, true));
      nanos.get("JDBC addBatch insert")[r] = time(() -> jdbcBatch(records));
    }
    Files.delete(csv);
    report(nanos);
  }

  private void report(Map<String, long[]> nanos) {
    double copyRate = rate(median(nanos.get("psql \\copy")));
    System.out.printf("%d rows, batch %d, median of %d runs%n", rows, batch, nanos.values().iterator().next().length);
    System.out.printf("%-30s %10s %12s %8s%n", "way", "seconds", "rows/s", "vs copy");
    nanos.forEach((way, n) -> {
      long m = median(n);
      System.out.printf("%-30s %10.2f %12.0f %7.0f%%%n", way, m / 1e9, rate(m), 100 * rate(m) / copyRate);
    });
  }

  private double rate(long nanos) {
    return rows / (nanos / 1e9);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  @FunctionalInterface
  private interface Load {
    void run() throws Exception;
  }

  private long time(Load load) throws Exception {
    resetTable();
    return timeWithoutReset(load);
  }

  private long timeWithoutReset(Load load) throws Exception {
    execute("CHECKPOINT");
    long start = System.nanoTime();
    load.run();
    return System.nanoTime() - start;
  }

  private void sink(List<Record> records, boolean upsert) throws Exception {
    PostgresSink.Builder b = PostgresSink.table(TABLE).dataSource(dataSource).schema(schema());
    try (PostgresSink sink = (upsert ? b.upsertOn("id") : b.insert()).build()) {
      sink.open(TestContexts.sink(null));
      for (int i = 0; i < records.size(); i += batch) {
        TestChunk<Record> chunk = TestChunk.of(records.subList(i, Math.min(records.size(), i + batch)));
        sink.write(chunk);
        if (!chunk.rejections().isEmpty()) {
          throw new IllegalStateException("rows rejected: " + chunk.rejections());
        }
      }
      sink.complete();
    }
  }

  private void psqlCopy(Path csv) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", arg("host", "127.0.0.1"),
        "-p", arg("port", "5432"), "-U", arg("user", "postgres"), "-d", arg("db", "test"),
        "-c", "\\copy " + TABLE + " (" + COLUMNS + ") FROM '" + csv + "' WITH (FORMAT csv)");
    pb.inheritIO();
    int exit = pb.start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("psql \\copy exited with " + exit);
    }
  }

  private void jdbcBatch(List<Record> records) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < records.size(); i++) {
        Record r = records.get(i);
        ps.setString(1, (String) r.get("id"));
        ps.setString(2, (String) r.get("name"));
        ps.setString(3, (String) r.get("email"));
        ps.setLong(4, (Long) r.get("age"));
        ps.setString(5, (String) r.get("department"));
        ps.setBigDecimal(6, (BigDecimal) r.get("salary"));
        ps.setDate(7, Date.valueOf((LocalDate) r.get("joinDate")));
        ps.setBoolean(8, (Boolean) r.get("isActive"));
        ps.addBatch();
        if ((i + 1) % batch == 0 || i == records.size() - 1) {
          ps.executeBatch();
          c.commit();
        }
      }
    }
  }

  private static TableSchema schema() {
    return TableSchema.of(
        Column.of("id", "text").primaryKey(),
        Column.of("name", "text").notNull(),
        Column.of("email", "text").notNull().unique(),
        Column.of("age", "integer"),
        Column.of("department", "text"),
        Column.of("salary", "numeric"),
        Column.of("join_date", "date").from("joinDate"),
        Column.of("is_active", "boolean").from("isActive"),
        Column.computed("created_at", "timestamptz", "now()"),
        Column.computed("updated_at", "timestamptz", "now()").onUpdate("now()"));
  }

  private void resetTable() throws SQLException {
    execute("DROP TABLE IF EXISTS " + TABLE);
    execute(createSql());
  }

  private static String createSql() {
    return "CREATE TABLE " + TABLE + " (id text PRIMARY KEY, name text NOT NULL, email text NOT NULL UNIQUE,"
        + " age integer, department text, salary numeric, join_date date, is_active boolean,"
        + " created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now())";
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Clean, valid employee rows, the same on every run. */
  private static List<Record> employees(int count) {
    List<Record> out = new ArrayList<>(count);
    LocalDate start = LocalDate.of(2010, 1, 1);
    for (int i = 0; i < count; i++) {
      out.add(Record.builder(8).put("id", "E" + i).put("name", "Employee Number" + i)
          .put("email", "employee" + i + "@example.com").put("age", 20L + i % 45)
          .put("department", DEPARTMENTS[i % DEPARTMENTS.length])
          .put("salary", BigDecimal.valueOf(40_000_00L + (i * 7919L) % 80_000_00L, 2))
          .put("joinDate", start.plusDays(i % 5000)).put("isActive", i % 3 != 0).build());
    }
    return out;
  }

  private static void writeCsv(List<Record> records, Path csv) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      for (Record r : records) {
        w.write(r.get("id") + "," + r.get("name") + "," + r.get("email") + "," + r.get("age") + ","
            + r.get("department") + "," + ((BigDecimal) r.get("salary")).toPlainString() + "," + r.get("joinDate") + ","
            + r.get("isActive") + "\n");
      }
    }
  }
}
