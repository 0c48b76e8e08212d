package dev.etlkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.RunStatus;
import dev.etlkit.redis.RedisCheckpointStore;
import dev.etlkit.testkit.PostgresDatabase;
import dev.etlkit.testkit.PostgresExtension;
import dev.etlkit.testkit.RedisExtension;
import dev.etlkit.testkit.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The shipped configs with the services of the environment: PostgreSQL from DATABASE_URL, Redis from REDIS_URL. */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class ServicesIT {

  @TempDir
  Path root;

  private Path work;

  @BeforeEach
  void copyTheExamples() throws IOException {
    work = Files.createDirectories(root.resolve("work"));
    Etl.copyExamples(work);
  }

  /** The database's URL with a password in it: trust auth ignores it, and it must show nowhere. */
  private static String urlWithPassword(PostgresDatabase db, String password) {
    return db.password().isEmpty() ? db.url().replace(db.user() + "@", db.user() + ":" + password + "@") : db.url();
  }

  @Test
  void loadsTheEmployeesTableFromTheSecondShippedConfig(PostgresDatabase db) throws Exception {
    String password = db.password().isEmpty() ? "pw-" + UUID.randomUUID() : db.password();

    Etl.Outcome outcome = Etl.run(work, Map.of("DATABASE_URL", urlWithPassword(db, password)),
        "--config=etl-examples/config/employees-db.json", "--report=report.json");

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(outcome.stdoutLines()).contains("- table employees (database)", "Written Records: 17");
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      assertThat(count(s, "select count(*) from employees")).isEqualTo(17);
      try (ResultSet r = s.executeQuery("select name, email, age, department, salary, join_date, is_active,"
          + " metadata->>'salaryGrade', created_at is not null from employees where id = 'E014'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("Liam O'Connor-Smith");
        assertThat(r.getString(2)).isEqualTo("liam.oconnor@example.com");
        assertThat(r.getInt(3)).isEqualTo(47);
        assertThat(r.getString(4)).isEqualTo("Engineering");
        assertThat(r.getBigDecimal(5)).isEqualByComparingTo("131500.75");
        assertThat(r.getString(6)).isEqualTo("2009-12-01");
        assertThat(r.getBoolean(7)).isTrue();
        assertThat(r.getString(8)).isEqualTo("Principal");
        assertThat(r.getBoolean(9)).isTrue();
      }
    }
    assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(password);
    assertThat(filesContaining(password)).isEmpty();
  }

  @Test
  void upsertsOnARunOverTheSameTable(PostgresDatabase db) throws Exception {
    Map<String, String> env = Map.of("DATABASE_URL", db.url());
    Etl.run(work, env, "--config=etl-examples/config/employees-db.json");

    Etl.Outcome again = Etl.run(work, env, "--config=etl-examples/config/employees-db.json");

    assertThat(again.exitCode()).as(again.stderr()).isZero();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      assertThat(count(s, "select count(*) from employees")).isEqualTo(17);
    }
  }

  @Test
  void keepsARowTheDatabaseRejectsOutOfTheFilesToo(PostgresDatabase db) throws Exception {
    Files.writeString(work.resolve("people.csv"), """
        id,name,email,age,department,salary,joinDate,isActive
        A1,ann lee,shared@example.com,30,sales,50000,2020-01-01,yes
        A2,bob lee,SHARED@example.com,31,sales,51000,2020-01-02,yes
        A3,cy lee,cy@example.com,32,sales,52000,2020-01-03,no
        """);
    // the seed's order: files first, the database last
    Files.writeString(work.resolve("etl.json"), """
        {"sources": [{"type": "csv", "path": "people.csv"}],
         "transformations": {"validation": true, "deduplication": true, "enrichment": true, "normalization": true},
         "outputs": [{"type": "csv", "destination": "out/people.csv"}, {"type": "json", "destination": "out/people.json"},
                     {"type": "database", "destination": "people"}],
         "batchSize": 10, "maxRetries": 1}
        """);

    Etl.Outcome outcome = Etl.run(work, Map.of("DATABASE_URL", db.url()), "--config=etl.json", "--report=report.json");

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(outcome.stdoutLines()).contains("Total Records: 3", "Invalid Records: 1", "Written Records: 2");
    assertThat(Files.readAllLines(work.resolve("out/people.csv"))).extracting(line -> line.substring(0, line.indexOf(',')))
        .containsExactly("ID", "A1", "A3");
    assertThat(Files.readString(work.resolve("out/people.json"))).contains("\"A1\"", "\"A3\"").doesNotContain("\"A2\"");
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      assertThat(count(s, "select count(*) from people where id in ('A1', 'A3')")).isEqualTo(2);
      assertThat(count(s, "select count(*) from people")).isEqualTo(2);
    }
    assertThat(Files.readString(work.resolve("report.json"))).contains("\"step\" : \"sink 'people'\"",
        "duplicate key value violates unique constraint", "\"field\" : \"email\"");
  }

  @Test
  void keepsCheckpointsInRedisWhenRedisUrlIsSet(RedisServer redis) throws IOException {
    Etl.Outcome outcome = Etl.run(work, Map.of("REDIS_URL", redis.url()), "--config=etl-examples/config/employees.json");

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    String runId = outcome.stdoutLines().get(0).substring("Run id: ".length());
    assertThat(work.resolve(".etl")).doesNotExist();
    try (RedisCheckpointStore store = RedisCheckpointStore.connect(redis.url())) {
      Optional<Checkpoint> checkpoint = store.load(runId);
      store.delete(runId);
      assertThat(checkpoint).get().extracting(Checkpoint::status).isEqualTo(RunStatus.SUCCEEDED);
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private Stream<Path> filesContaining(String text) throws IOException {
    try (Stream<Path> files = Files.walk(work)) {
      return files.filter(Files::isRegularFile).filter(f -> {
        try {
          return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList().stream();
    }
  }
}
