package dev.etlkit.redis;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.etlkit.Pipeline;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Transformer;
import dev.etlkit.sinks.csv.CsvSink;
import dev.etlkit.sinks.json.JsonSink;
import dev.etlkit.sinks.json.NdjsonSink;
import dev.etlkit.sinks.postgres.PostgresSink;
import dev.etlkit.testkit.CrashContext;
import dev.etlkit.testkit.CrashHarness;
import dev.etlkit.testkit.CrashPipeline;
import dev.etlkit.testkit.PostgresDatabase;
import dev.etlkit.testkit.PostgresExtension;
import dev.etlkit.testkit.RedisExtension;
import dev.etlkit.testkit.RedisPrefix;
import dev.etlkit.testkit.RedisServer;
import dev.etlkit.transform.Deduplicate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills real pipelines with SIGKILL in forked JVMs and resumes them, with checkpoints on file and on
 * Redis: the CSV, NDJSON and JSON files and the PostgreSQL rows of the resumed run equal an
 * uninterrupted run's.
 */
@ExtendWith({RedisExtension.class, PostgresExtension.class})
class CrashRecoveryTest {

  private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);

  @TempDir
  Path work;

  /**
   * 300,000 employee-like records: ids E0..E249999 once, then 50,000 repeats of earlier ids; names with
   * commas and quotes that CSV must quote; every 1,009th email rejected.
   */
  static Pipeline.Builder employees(int count) {
    return Pipeline.builder("employees")
        .source(dev.etlkit.testkit.ListSource.generate("employees", count, CrashRecoveryTest::employee))
        .transform(Transformer.map("validate", (Record r) -> {
          if (r.getString("email").startsWith("bad")) {
            throw new RecordException("email: must be an address");
          }
          return r;
        }))
        .transform(Deduplicate.by("id"))
        .batchSize(1_000);
  }

  static Record employee(long i) {
    long id = i < 250_000 ? i : (i - 250_000) * 3;
    return Record.builder()
        .put("id", "E" + id)
        .put("name", i % 10 == 0 ? "Doe, \"Jo\" " + i : "Person " + i)
        .put("email", (i % 1_009 == 0 ? "bad" : "p") + id + "@example.com")
        .put("age", 20 + i % 40)
        .put("salary", BigDecimal.valueOf(3_000_000 + i % 9_000_000, i % 3 == 0 ? 0 : 2))
        .put("joinDate", FIRST_DAY.plusDays(i % 1_500))
        .put("isActive", i % 2 == 0)
        .build();
  }

  /** The employees to CSV, NDJSON and an indented JSON array. */
  public static final class ToFiles implements CrashPipeline {
    @Override
    public Pipeline.Builder build(CrashContext context) {
      Path out = context.outputDir();
      return employees(300_000)
          .sink(context.watch(CsvSink.file(out.resolve("employees.csv"))))
          .sink(context.watch(NdjsonSink.file(out.resolve("employees.ndjson"))))
          .sink(context.watch(JsonSink.file(out.resolve("employees.json"))));
    }
  }

  /** The employees upserted into a table of their own per run, compared row for row. */
  public static final class ToPostgres implements CrashPipeline {
    @Override
    public Pipeline.Builder build(CrashContext context) {
      return employees(100_000)
          .sink(context.watch(PostgresSink.table("employees_" + context.name())
              .url(Objects.requireNonNull(context.option("url"))).upsertOn("id").build()));
    }

    @Override
    public List<String> otherOutputs(CrashContext context) throws Exception {
      List<String> rows = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(context.option("jdbcUrl"), context.option("user"),
          context.option("password"));
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM employees_" + context.name() + " ORDER BY id")) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(rs.getString(i)).append('|');
          }
          rows.add(row.toString());
        }
      }
      return rows;
    }
  }

  @Test
  void filesOfARunKilledAndResumedEqualAnUninterruptedRunsWithFileCheckpoints() {
    assertThatCode(() -> CrashHarness.of(ToFiles.class).workDir(work)
        .killAfterBatch(25).killDuringWrite(140).killBeforeCheckpoint(260)
        .assertResumedOutputEqualsUninterrupted()).doesNotThrowAnyException();
  }

  @Test
  void filesOfARunKilledAndResumedEqualAnUninterruptedRunsWithRedisCheckpoints(RedisServer redis, RedisPrefix prefix) {
    assertThatCode(() -> CrashHarness.of(ToFiles.class).workDir(work)
        .checkpoints("redis", Map.of("url", redis.url(), "prefix", prefix.value()))
        .killBeforeCheckpoint(60).killDuringWrite(100).killAfterBatch(130).killBeforeCheckpoint(260)
        .assertResumedOutputEqualsUninterrupted()).doesNotThrowAnyException();
  }

  @Test
  void rowsOfARunKilledAndResumedEqualAnUninterruptedRuns(PostgresDatabase db, RedisServer redis, RedisPrefix prefix) {
    assertThatCode(() -> CrashHarness.of(ToPostgres.class).workDir(work)
        .checkpoints("redis", Map.of("url", redis.url(), "prefix", prefix.value()))
        .option("url", db.url()).option("jdbcUrl", db.jdbcUrl()).option("user", db.user())
        .option("password", db.password())
        .killDuringWrite(30).killAfterBatch(60).killBeforeCheckpoint(85)
        .assertResumedOutputEqualsUninterrupted()).doesNotThrowAnyException();
  }
}
