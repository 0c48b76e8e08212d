package dev.etlkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
    Path straight = workDir("straight", input);
    Path killed = workDir("killed", input);

    Etl.Outcome reference = Etl.run(straight, Map.of(), "--config=etl.json", "--report=report.json");
    assertThat(reference.exitCode()).as(reference.stderr()).isZero();

    Process process = Etl.start(killed, Map.of(), root.resolve("killed.stdout"), root.resolve("killed.stderr"), "--config=etl.json");
    JsonNode checkpoint = awaitFirstCheckpoint(killed, process);
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String runId = checkpoint.get("runId").asText();
    JsonNode afterKill = JSON.readTree(killed.resolve(".etl/checkpoints/" + runId + ".json").toFile());
    assertThat(afterKill.get("status").asText()).as("the run was killed before it ended").isEqualTo("RUNNING");
    assertThat(afterKill.get("counts").get("read").asLong()).isBetween(1L, ROWS - 1L);
    assertThat(killed.resolve("output/processed_employees.csv")).doesNotExist();

    Etl.Outcome resumed = Etl.run(killed, Map.of(), "--config=etl.json", "--resume=" + runId, "--report=report.json");

    assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    assertThat(resumed.stdoutLines().get(0)).isEqualTo("Run id: " + runId);
    for (String output : List.of("output/processed_employees.csv", "output/processed_employees.json")) {
      assertThat(killed.resolve(output)).as(output).hasSameBinaryContentAs(straight.resolve(output));
    }
    String referenceRunId = reference.stdoutLines().get(0).substring("Run id: ".length());
    assertThat(Files.readString(killed.resolve("output/rejected-" + runId + ".ndjson")).replace(runId, "RUN"))
        .isEqualTo(Files.readString(straight.resolve("output/rejected-" + referenceRunId + ".ndjson")).replace(referenceRunId, "RUN"));
    JsonNode expected = JSON.readTree(straight.resolve("report.json").toFile());
    JsonNode actual = JSON.readTree(killed.resolve("report.json").toFile());
    for (String count : List.of("read", "rejected", "duplicates", "written")) {
      assertThat(actual.get(count)).as(count).isEqualTo(expected.get(count));
    }
    assertThat(actual.get("read").asLong()).isEqualTo(ROWS);
    assertThat(actual.get("errors")).isEqualTo(expected.get("errors"));
  }

  private Path workDir(String name, Path input) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.writeString(dir.resolve("etl.json"), """
        {"sources": [{"type": "csv", "path": "%s"}],
         "transformations": {"validation": true, "deduplication": true, "enrichment": true, "normalization": true},
         "outputs": [{"type": "csv", "destination": "./output/processed_employees.csv"},
                     {"type": "json", "destination": "./output/processed_employees.json"}],
         "batchSize": 1000, "maxRetries": 3}
        """.formatted(input.toString().replace("\\", "\\\\")));
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

  /** Messy employees: aliases, $ and commas, slash dates, yes/no; every 97th repeats an id, every 101st is invalid. */
  private static Path generate(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,name,email,age,department,salary,joinDate,isActive\n");
      for (int i = 0; i < ROWS; i++) {
        int id = i % 97 == 96 ? i - 50 : i;
        String age = i % 101 == 100 ? "abc" : Integer.toString(20 + i % 40);
        String date = i % 2 == 0 ? String.format(Locale.ROOT, "20%02d-%02d-%02d", 10 + i % 14, 1 + i % 12, 1 + i % 28)
            : String.format(Locale.ROOT, "20%02d/%02d/%02d", 10 + i % 14, 1 + i % 12, 1 + i % 28);
        w.write(String.format(Locale.ROOT, "G%06d,  first%d   LAST%d ,User%d@Example.COM ,%s,%s,\"$%,d.%02d\",%s,%s%n",
            id, i, i, id, age, DEPARTMENTS.get(i % DEPARTMENTS.size()), 30_000 + i % 150_000, i % 100, date,
            i % 3 == 0 ? "no" : "Yes"));
      }
    }
    return file;
  }
}
