package dev.etlkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.etlkit.testkit.PostgresDatabase;
import dev.etlkit.testkit.PostgresExtension;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL after its first checkpoint and then resumed ends with the outputs of a run never killed. */
class KillAndResumeIT {

  private static final int ROWS = 200_000;
  private static final List<String> DEPARTMENTS = List.of("eng", "Sales", "mktg", "human resources", "Accounting", "DEV");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path root;

  @Test
  void resumingAKilledRunGivesTheOutputsOfAnUninterruptedOne() throws Exception {
    Path input = generate(root.resolve("employees.csv"));
    Path straight = workDir("straight", input, "");
    Path killed = workDir("killed", input, "");

    Outputs outputs = killAndResume(straight, killed, Map.of());

    assertThat(outputs.killed()).isEqualTo(outputs.straight());
  }

  /**
   * With an insert, the batches committed after the checkpoint the kill left are delivered again: the load
   * log keeps them from going in twice and gives back the rows the database refused in them.
   */
  @Test
  @ExtendWith(PostgresExtension.class)
  void resumingAKilledRunThatInsertsIntoPostgresLoadsEveryRowOnce(PostgresDatabase db) throws Exception {
    Path input = generate(root.resolve("employees.csv"));
    String insert = ", {\"type\": \"database\", \"destination\": \"%s\", \"mode\": \"insert\"}";
    Path straight = workDir("straight", input, insert.formatted("straight_employees"));
    Path killed = workDir("killed", input, insert.formatted("killed_employees"));

    Outputs outputs = killAndResume(straight, killed, Map.of("DATABASE_URL", db.url()));

    assertThat(outputs.killed().replace("killed_employees", "T")).isEqualTo(outputs.straight().replace("straight_employees", "T"));
    assertThat(outputs.killed()).contains("duplicate key value violates unique constraint");
    String rows = "SELECT id, name, email, age, department, salary, join_date, is_active, metadata - 'processedAt' FROM %s ORDER BY id";
    List<List<String>> loaded = query(db, rows.formatted("killed_employees"));
    assertThat(loaded).hasSize(written(killed)).isEqualTo(query(db, rows.formatted("straight_employees")));
    assertThat(query(db, "SELECT count(*) FROM etl_load_log")).containsExactly(List.of("0"));
  }

  /** The rejected-records file, the report's counts and errors, and the files, with the run ids made equal. */
  record Outputs(String straight, String killed) {
  }

  private Outputs killAndResume(Path straight, Path killed, Map<String, String> env) throws Exception {
    Etl.Outcome reference = Etl.run(straight, env, "--config=etl.json", "--report=report.json");
    assertThat(reference.exitCode()).as(reference.stderr()).isZero();

    Process process = Etl.start(killed, env, root.resolve("killed.stdout"), root.resolve("killed.stderr"), "--config=etl.json");
    JsonNode checkpoint = awaitFirstCheckpoint(killed, process);
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String runId = checkpoint.get("runId").asText();
    JsonNode afterKill = JSON.readTree(killed.resolve(".etl/checkpoints/" + runId + ".json").toFile());
    assertThat(afterKill.get("status").asText()).as("the run was killed before it ended").isEqualTo("RUNNING");
    assertThat(afterKill.get("counts").get("read").asLong()).isBetween(1L, ROWS - 1L);
    assertThat(killed.resolve("output/processed_employees.csv")).doesNotExist();

    Etl.Outcome resumed = Etl.run(killed, env, "--config=etl.json", "--resume=" + runId, "--report=report.json");

    assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    assertThat(resumed.stdoutLines().get(0)).isEqualTo("Run id: " + runId);
    for (String output : List.of("output/processed_employees.csv", "output/processed_employees.json")) {
      assertThat(killed.resolve(output)).as(output).hasSameBinaryContentAs(straight.resolve(output));
    }
    assertThat(JSON.readTree(killed.resolve("report.json").toFile()).get("read").asLong()).isEqualTo(ROWS);
    String referenceRunId = reference.stdoutLines().get(0).substring("Run id: ".length());
    return new Outputs(outputs(straight, referenceRunId), outputs(killed, runId));
  }

  private static String outputs(Path dir, String runId) throws IOException {
    JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
    StringBuilder out = new StringBuilder(Files.readString(dir.resolve("output/rejected-" + runId + ".ndjson")));
    for (String field : List.of("read", "rejected", "duplicates", "written", "errors")) {
      out.append('\n').append(field).append(": ").append(report.get(field));
    }
    return out.toString().replace(runId, "RUN");
  }

  private static int written(Path dir) throws IOException {
    return JSON.readTree(dir.resolve("report.json").toFile()).get("written").asInt();
  }

  private static List<List<String>> query(PostgresDatabase db, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private Path workDir(String name, Path input, String moreOutputs) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.writeString(dir.resolve("etl.json"), """
        {"sources": [{"type": "csv", "path": "%s"}],
         "transformations": {"validation": true, "deduplication": true, "enrichment": true, "normalization": true},
         "outputs": [{"type": "csv", "destination": "./output/processed_employees.csv"},
                     {"type": "json", "destination": "./output/processed_employees.json"}%s],
         "batchSize": 1000, "maxRetries": 3}
        """.formatted(input.toString().replace("\\", "\\\\"), moreOutputs));
    return dir;
  }

  // Polls, because the checkpoint is the thing to wait for and it lives in another process; the short
  // pause keeps the poll from taking CPU away from the run it watches.
  private static JsonNode awaitFirstCheckpoint(Path dir, Process process) throws IOException {
    Path checkpoints = dir.resolve(".etl/checkpoints");
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the run ended before its first checkpoint").isTrue();
      Optional<JsonNode> cp = committedCheckpoint(checkpoints);
      if (cp.isPresent()) {
        return cp.get();
      }
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
    throw new AssertionError("no checkpoint after a committed batch within 120 s");
  }

  private static Optional<JsonNode> committedCheckpoint(Path checkpoints) throws IOException {
    if (!Files.isDirectory(checkpoints)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(checkpoints)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
        JsonNode cp = JSON.readTree(f.toFile());
        if (cp.get("counts").get("read").asLong() > 0) {
          return Optional.of(cp);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Messy employees: aliases, $ and commas, slash dates, yes/no; every 97th repeats an id, every 101st is
   * invalid, every 1009th has the email of the one before (a unique email a database refuses).
   */
  private static Path generate(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,name,email,age,department,salary,joinDate,isActive\n");
      for (int i = 0; i < ROWS; i++) {
        int id = i % 97 == 96 ? i - 50 : i;
        String age = i % 101 == 100 ? "abc" : Integer.toString(20 + i % 40);
        String date = i % 2 == 0 ? String.format(Locale.ROOT, "20%02d-%02d-%02d", 10 + i % 14, 1 + i % 12, 1 + i % 28)
            : String.format(Locale.ROOT, "20%02d/%02d/%02d", 10 + i % 14, 1 + i % 12, 1 + i % 28);
        w.write(String.format(Locale.ROOT, "G%06d,  first%d   LAST%d ,User%d@Example.COM ,%s,%s,\"$%,d.%02d\",%s,%s%n",
            id, i, i, i % 1009 == 1008 ? id - 1 : id, age, DEPARTMENTS.get(i % DEPARTMENTS.size()), 30_000 + i % 150_000, i % 100, date,
            i % 3 == 0 ? "no" : "Yes"));
      }
    }
    return file;
  }
}
