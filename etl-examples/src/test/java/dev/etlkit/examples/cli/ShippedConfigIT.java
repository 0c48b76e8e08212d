package dev.etlkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example command, {@code etl.jar --config=etl-examples/config/employees.json}, end to end. */
class ShippedConfigIT {

  private static final String CONFIG = "--config=etl-examples/config/employees.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path root;

  private Path work;

  @BeforeEach
  void copyTheExamples() throws IOException {
    work = Files.createDirectories(root.resolve("work"));
    Etl.copyExamples(work);
  }

  private static byte[] expected(String name) throws IOException {
    try (InputStream in = ShippedConfigIT.class.getResourceAsStream("/expected/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void writesExactlyTheExpectedCsvAndJson() throws IOException {
    Etl.Outcome outcome = Etl.run(work, Map.of(), CONFIG);

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(work.resolve("output/processed_employees.csv")).hasBinaryContent(expected("processed_employees.csv"));
    assertThat(work.resolve("output/processed_employees.json")).hasBinaryContent(expected("processed_employees.json"));
  }

  @Test
  void printsTheRunIdFirstThenTheSeedSummary() {
    Etl.Outcome outcome = Etl.run(work, Map.of(), CONFIG);

    List<String> lines = outcome.stdoutLines();
    assertThat(lines.get(0)).matches("Run id: etl-\\d+-[0-9a-f]{4}");
    String runId = lines.get(0).substring("Run id: ".length());
    assertThat(lines).containsSubsequence(
        "ETL Pipeline Completed Successfully!",
        "Total Records: 28",
        "Valid Records: 20",
        "Invalid Records: 8",
        "Duplicates: 3",
        "Written Records: 17",
        "Errors encountered: 8",
        "Processing Summary:",
        "- Success Rate: 71.43%",
        "Outputs:",
        "- output/processed_employees.csv (csv)",
        "- output/processed_employees.json (json)",
        "Rejected records: output/rejected-" + runId + ".ndjson (8)");
    assertThat(lines).anyMatch(l -> l.matches("Duration: \\d+ms"));
    assertThat(lines).anyMatch(l -> l.matches("- Started: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"))
        .anyMatch(l -> l.matches("- Completed: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    assertThat(outcome.stderr()).isEmpty();
  }

  @Test
  void writesEveryRejectedRecordToTheDeadLetterFileWithItsReasons() throws IOException {
    Etl.Outcome outcome = Etl.run(work, Map.of(), CONFIG);

    String runId = outcome.stdoutLines().get(0).substring("Run id: ".length());
    List<JsonNode> rejected = new ArrayList<>();
    for (String line : Files.readAllLines(work.resolve("output/rejected-" + runId + ".ndjson"))) {
      rejected.add(JSON.readTree(line));
    }
    assertThat(rejected).extracting(r -> r.get("position").asText()).containsExactlyInAnyOrder(
        "line 8", "line 11", "line 12", "line 14", "line 15", "line 18", "line 21", "item 5");
    assertThat(rejected).allSatisfy(r -> assertThat(r.get("runId").asText()).isEqualTo(runId));
  }

  @Test
  void writesAReportWithEveryRejectedRecordAndTheDataQuality() throws IOException {
    Etl.Outcome outcome = Etl.run(work, Map.of(), CONFIG, "--report=reports/run.json");

    JsonNode report = JSON.readTree(work.resolve("reports/run.json").toFile());
    assertThat(report.get("runId").asText()).isEqualTo(outcome.stdoutLines().get(0).substring("Run id: ".length()));
    assertThat(report.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(report.get("read").asLong()).isEqualTo(28);
    assertThat(report.get("rejected").asLong()).isEqualTo(8);
    assertThat(report.get("duplicates").asLong()).isEqualTo(3);
    assertThat(report.get("written").asLong()).isEqualTo(17);
    assertThat(report.get("durationMs").asLong()).isNotNegative();
    assertThat(report.get("errors")).hasSize(8);
    assertThat(report.get("errors")).allSatisfy(e ->
        assertThat(fieldNames(e)).containsExactly("source", "position", "step", "message", "violations"));
    JsonNode worst = find(report.get("errors"), "line 8");
    assertThat(worst.get("source").asText()).isEqualTo("employees.csv");
    assertThat(worst.get("step").asText()).isEqualTo("validate");
    assertThat(worst.get("violations")).extracting(v -> v.get("field").asText())
        .containsExactly("name", "email", "age", "department", "salary", "joinDate", "isActive");
    assertThat(fieldNames(worst.get("violations").get(0))).containsExactly("field", "message");
    JsonNode malformed = find(report.get("errors"), "line 21");
    assertThat(malformed.get("step").asText()).isEqualTo("read");
    assertThat(malformed.get("message").asText()).isEqualTo("expected 8 columns but found 9");
    JsonNode quality = report.get("dataQuality");
    assertThat(fieldNames(quality.get("fields").get("age"))).containsExactly("present", "empty", "rejected");
    assertThat(quality.get("fields").get("id").get("empty").asLong()).isEqualTo(1);
    assertThat(quality.get("ruleFailures").get("age.min").asLong()).isEqualTo(1);
    assertThat(quality.get("ruleFailures").get("age.type").asLong()).isEqualTo(1);
    assertThat(quality.get("errorRate").asDouble()).isEqualTo(8.0 / 28);
  }

  @Test
  void writesJsonLinesLogsWithTheConfigEcho() throws IOException {
    Etl.run(work, Map.of(), CONFIG);

    List<String> lines = Files.readAllLines(work.resolve("logs/etl-combined.log"));
    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(JSON.readTree(l).get("level")).isNotNull());
    assertThat(lines.get(0)).contains("ETL configuration loaded from etl-examples/config/employees.json");
    assertThat(work.resolve("logs/etl-error.log")).isEmptyFile();
  }

  @Test
  void logsOnlyWhereALogbackConfigurationOfTheUsersSays() throws IOException {
    Path mine = root.resolve("my-logback.xml");
    Files.writeString(mine, """
        <configuration>
          <appender name="file" class="ch.qos.logback.core.FileAppender">
            <file>%s</file>
            <encoder><pattern>%%level %%msg%%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="file"/></root>
        </configuration>
        """.formatted(root.resolve("my.log")));

    Etl.Outcome outcome = Etl.run(work, Map.of("JAVA_TOOL_OPTIONS", "-Dlogback.configurationFile=" + mine), CONFIG);

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(work.resolve("logs")).doesNotExist();
    assertThat(Files.readString(root.resolve("my.log"))).contains("INFO ETL configuration loaded from etl-examples/config/employees.json");
  }

  @Test
  void checksTheConfigAndCreatesNothingOnADryRun() throws IOException {
    List<String> before = Etl.files(work);

    Etl.Outcome outcome = Etl.run(work, Map.of(), CONFIG, "--dry-run");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.stdoutLines().get(0))
        .isEqualTo("Config etl-examples/config/employees.json is valid (dry run: nothing was read or written)");
    assertThat(Etl.files(work)).isEqualTo(before);
  }

  @Test
  void refusesTheDatabaseOutputWithoutDatabaseUrlOnADryRun() throws IOException {
    List<String> before = Etl.files(work);

    Etl.Outcome outcome = Etl.run(work, Map.of(), "--config=etl-examples/config/employees-db.json", "--dry-run");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).containsExactly("error: etl-examples/config/employees-db.json: outputs[2]:"
        + " the database output needs DATABASE_URL, a postgresql:// or jdbc:postgresql:// URL; set it or remove this output");
    assertThat(Etl.files(work)).isEqualTo(before);
  }

  @Test
  void refusesTheDatabaseOutputWithoutDatabaseUrlBeforeRunning() throws IOException {
    List<String> before = Etl.files(work);

    Etl.Outcome outcome = Etl.run(work, Map.of(), "--config=etl-examples/config/employees-db.json");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).singleElement().asString().contains("needs DATABASE_URL");
    assertThat(outcome.stdout()).isEmpty();
    assertThat(Etl.files(work)).isEqualTo(before);
  }

  @Test
  void resumingASucceededRunWritesNothingNew() throws IOException {
    Etl.Outcome first = Etl.run(work, Map.of(), CONFIG);
    String runId = first.stdoutLines().get(0).substring("Run id: ".length());

    Etl.Outcome again = Etl.run(work, Map.of(), CONFIG, "--resume=" + runId);

    assertThat(again.exitCode()).isZero();
    assertThat(again.stdoutLines()).startsWith("Run id: " + runId).contains("Total Records: 28", "Written Records: 17");
    assertThat(work.resolve("output/processed_employees.csv")).hasBinaryContent(expected("processed_employees.csv"));
  }

  @Test
  void refusesToResumeAnUnknownRun() {
    Etl.Outcome outcome = Etl.run(work, Map.of(), CONFIG, "--resume=etl-0-0000");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines())
        .containsExactly("error: no checkpoint for run etl-0-0000 in file checkpoints in .etl/checkpoints; check the run id");
  }

  @Test
  void givesTheSameCsvWithTheGeneralFormsListOfSteps() throws IOException {
    Etl.Outcome outcome = Etl.run(work, Map.of(), "--config=etl-examples/config/employees-steps.json");

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(work.resolve("output/steps_employees.csv")).hasBinaryContent(expected("processed_employees.csv"));
  }

  @Test
  void findsTheExamplesOwnPluginsByTypeName() throws IOException {
    Etl.Outcome outcome = Etl.run(work, Map.of(), "--config=etl-examples/config/plugins.json");

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(outcome.stdoutLines()).contains("Total Records: 50", "- output/sample_employees.md (markdown)");
    assertThat(Files.readAllLines(work.resolve("output/sample_employees.md"))).hasSize(2 + 38);
  }

  @Test
  void namesAPluginSourceWithoutPathOrUrlByItsPlaceInTheConfigOnADryRun() {
    Etl.Outcome outcome = Etl.run(work, Map.of(), "--config=etl-examples/config/plugins.json", "--dry-run");

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(outcome.stdoutLines()).contains("Sources:", "- sources[0] (sample-employees)");
  }

  @Test
  void printsHelpAndVersion() {
    Etl.Outcome help = Etl.run(work, Map.of(), "--help");
    Etl.Outcome version = Etl.run(work, Map.of(), "--version");

    assertThat(help.exitCode()).isZero();
    assertThat(help.stdoutLines().get(0)).isEqualTo("Usage: etl [-hV] [--dry-run] --config=FILE [--report=FILE] [--resume=RUN_ID]");
    assertThat(version.exitCode()).isZero();
    assertThat(version.stdoutLines()).singleElement().asString().matches("etl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void rejectsBadUsageWithOneLine() {
    Etl.Outcome outcome = Etl.run(work, Map.of(), "--config=etl-examples/config/employees.json", "--colour");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).containsExactly("error: Unknown option: '--colour' (see --help)");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode find(JsonNode errors, String position) {
    for (JsonNode e : errors) {
      if (e.get("position").asText().equals(position)) {
        return e;
      }
    }
    throw new AssertionError("no error at " + position + " in " + errors);
  }
}
