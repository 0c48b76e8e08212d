package dev.etlkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input ends the command with exit code 2 or 1 and one clear line on stderr, never a stack trace. */
class BadInputIT {

  private static final String OUTPUTS = "\"outputs\": [{\"type\": \"json\", \"destination\": \"output/x.json\"}]";

  @TempDir
  Path root;

  private Path work;

  @BeforeEach
  void makeWorkingDirectory() throws IOException {
    work = Files.createDirectories(root.resolve("work"));
    Files.writeString(work.resolve("people.csv"), "id,name\n1,Ann\n");
  }

  private Etl.Outcome runWith(String config) throws IOException {
    Files.writeString(work.resolve("etl.json"), config);
    return Etl.run(work, Map.of(), "--config=etl.json");
  }

  private static void assertOneLineWithoutStackTrace(Etl.Outcome outcome) {
    assertThat(outcome.stderrLines()).hasSize(1);
    assertThat(outcome.stdout() + outcome.stderr()).doesNotContain("\tat ", "Exception", "Caused by");
  }

  @Test
  void namesAConfigFileThatDoesNotExist() {
    Etl.Outcome outcome = Etl.run(work, Map.of(), "--config=missing.json");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).containsExactly("error: missing.json: no such file");
    assertOneLineWithoutStackTrace(outcome);
  }

  @Test
  void pointsAtTheLineAndColumnOfMalformedJson() throws IOException {
    Etl.Outcome outcome = runWith("{\n  \"sources\": [\n    {\"type\": \"csv\" \"path\": \"people.csv\"}\n");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).containsExactly("error: etl.json: malformed JSON at line 3, column 20:"
        + " Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
    assertOneLineWithoutStackTrace(outcome);
  }

  @Test
  void failsTheRunOnACsvQuoteThatIsNeverClosed() throws IOException {
    Files.writeString(work.resolve("broken.csv"), "id,name\n1,Ann\n2,\"Bob\n3,Cy\n");

    Etl.Outcome outcome = runWith("{\"sources\": [{\"type\": \"csv\", \"path\": \"broken.csv\"}], " + OUTPUTS + "}");

    String runId = outcome.stdoutLines().get(0).substring("Run id: ".length());
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.stderrLines()).containsExactly("error: run " + runId
        + " failed: broken.csv line 3: quote opened here is never closed; fix the cause and continue it with --resume=" + runId);
    assertOneLineWithoutStackTrace(outcome);
  }

  @Test
  void writesTheReportOfAFailedRunToo() throws IOException {
    Files.writeString(work.resolve("broken.csv"), "id,name\n1,Ann\n2,\"Bob\n");
    Files.writeString(work.resolve("etl.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"broken.csv\"}], " + OUTPUTS + "}");

    Etl.Outcome outcome = Etl.run(work, Map.of(), "--config=etl.json", "--report=report.json");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(Files.readString(work.resolve("report.json")))
        .contains("\"status\" : \"FAILED\"", "\"failure\" : \"broken.csv line 3: quote opened here is never closed\"");
  }

  @Test
  void saysThatSourcesAreRequired() throws IOException {
    Etl.Outcome outcome = runWith("{" + OUTPUTS + "}");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).containsExactly("error: etl.json: sources: required");
    assertOneLineWithoutStackTrace(outcome);
  }

  @Test
  void listsTheKnownTypesForAnUnknownOne() throws IOException {
    Etl.Outcome outcome = runWith("{\"sources\": [{\"type\": \"xml\", \"path\": \"people.csv\"}], " + OUTPUTS + "}");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).singleElement().asString()
        .startsWith("error: etl.json: sources[0].type: unknown source type 'xml'; known types: ")
        .contains("api", "csv", "json", "sample-employees");
    assertOneLineWithoutStackTrace(outcome);
  }

  @Test
  void namesAnUnsetVariableAndWhereItIsUsed() throws IOException {
    Etl.Outcome outcome = runWith("{\"sources\": [{\"type\": \"csv\", \"path\": \"${INPUT_FILE}\"}], " + OUTPUTS + "}");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).containsExactly("error: etl.json: sources[0].path: environment variable INPUT_FILE is not set");
    assertOneLineWithoutStackTrace(outcome);
  }

  @Test
  void namesAnInputFileThatDoesNotExist() throws IOException {
    Etl.Outcome outcome = runWith("{\"sources\": [{\"type\": \"csv\", \"path\": \"nobody.csv\"}], " + OUTPUTS + "}");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).singleElement().asString()
        .startsWith("error: etl.json: sources[0].path: ").contains("nobody.csv");
    assertOneLineWithoutStackTrace(outcome);
  }

  @Test
  void refusesAResumeRunIdThatCannotBeOne() throws IOException {
    Files.writeString(work.resolve("etl.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"people.csv\"}], " + OUTPUTS + "}");

    Etl.Outcome outcome = Etl.run(work, Map.of(), "--config=etl.json", "--resume=../../etc/passwd");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).containsExactly(
        "error: --resume needs a run id as printed by a run (letters, digits, '.', '_', '-'), was '../../etc/passwd'");
  }

  @Test
  void reportsEveryProblemOfAConfigOnALineOfItsOwn() throws IOException {
    Etl.Outcome outcome = runWith("{\"sources\": [], \"outputs\": [{\"type\": \"json\"}], \"batchSize\": 0}");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).containsExactly(
        "error: etl.json: sources: must list at least one source",
        "error: etl.json: batchSize: must be >= 1",
        "error: etl.json: outputs[0].destination: required");
    assertThat(outcome.stdout()).isEmpty();
  }

  @Test
  void refusesAReportPathItCannotWriteBeforeTheRun() throws IOException {
    Files.writeString(work.resolve("etl.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"people.csv\"}], " + OUTPUTS + "}");
    Files.createDirectories(work.resolve("reports"));

    Etl.Outcome intoADirectory = Etl.run(work, Map.of(), "--config=etl.json", "--report=reports");
    Etl.Outcome underAFile = Etl.run(work, Map.of(), "--config=etl.json", "--report=people.csv/report.json");

    assertThat(intoADirectory.exitCode()).isEqualTo(2);
    assertThat(intoADirectory.stderrLines()).containsExactly("error: --report=reports: is a directory; give a file name");
    assertThat(underAFile.exitCode()).isEqualTo(2);
    assertThat(underAFile.stderrLines()).containsExactly(
        "error: --report=people.csv/report.json: " + work.resolve("people.csv").toAbsolutePath() + " is not a writable directory");
    assertThat(work.resolve("output")).doesNotExist();
    assertThat(work.resolve("logs")).doesNotExist();
  }

  @Test
  void leavesNoLogFilesForARunIdWithoutCheckpoint() throws IOException {
    Files.writeString(work.resolve("etl.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"people.csv\"}], " + OUTPUTS + "}");

    Etl.Outcome outcome = Etl.run(work, Map.of(), "--config=etl.json", "--resume=etl-123-abcd");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).singleElement().asString().startsWith("error: no checkpoint for run etl-123-abcd in ");
    assertThat(outcome.stdout()).isEmpty();
    assertThat(work.resolve("logs")).doesNotExist();
  }

  @Test
  void refusesToResumeFromACorruptCheckpointAsFromNoneInARunAndADryRun() throws IOException {
    Files.writeString(work.resolve("etl.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"people.csv\"}], " + OUTPUTS + "}");
    Files.createDirectories(work.resolve(".etl/checkpoints"));
    Files.writeString(work.resolve(".etl/checkpoints/etl-123-abcd.json"), "{\"runId\": \"etl-123-abcd\"");

    for (String[] args : new String[][] {{"--config=etl.json", "--resume=etl-123-abcd", "--report=report.json"},
        {"--config=etl.json", "--resume=etl-123-abcd", "--dry-run"}}) {
      Etl.Outcome outcome = Etl.run(work, Map.of(), args);

      assertThat(outcome.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(outcome.stderrLines()).singleElement().asString().startsWith("error: ").contains("corrupt checkpoint ");
      assertThat(outcome.stdout()).isEmpty();
    }
    assertThat(work.resolve("logs")).doesNotExist();
    assertThat(work.resolve("report.json")).doesNotExist();
  }

  @Test
  void blamesABadDatabaseUrlOnTheVariableNotOnAFieldTheConfigDoesNotHave() throws IOException {
    Files.writeString(work.resolve("etl.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"people.csv\"}],"
        + " \"outputs\": [{\"type\": \"database\", \"destination\": \"employees\"}]}");

    Etl.Outcome outcome = Etl.run(work, Map.of("DATABASE_URL", "postgresql://u:pw@127.0.0.1:notaport/db"),
        "--config=etl.json", "--dry-run");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderrLines()).singleElement().asString()
        .startsWith("error: etl.json: outputs[0]: DATABASE_URL: the URL has a port that is not a number from 1 to 65535");
  }

  @Test
  void refusesAMalformedRedisUrlInADryRunAsARunWould() throws IOException {
    Files.writeString(work.resolve("etl.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"people.csv\"}], " + OUTPUTS + "}");

    for (String url : new String[] {"redis://:hunter%Q7pass@127.0.0.1:6379/7", "http://127.0.0.1:6379"}) {
      for (String[] args : new String[][] {{"--config=etl.json", "--dry-run"}, {"--config=etl.json"}}) {
        Etl.Outcome outcome = Etl.run(work, Map.of("REDIS_URL", url), args);

        assertThat(outcome.exitCode()).as(url + " " + String.join(" ", args)).isEqualTo(2);
        assertThat(outcome.stderrLines()).singleElement().asString().startsWith("error: etl.json: Redis URL ")
            .doesNotContain("hunter").doesNotContain("Q7");
      }
    }
    assertThat(work.resolve("logs")).doesNotExist();
  }

  @Test
  void reportsARunThatCannotReachItsCheckpointStoreAsAFailedRun() throws IOException {
    Files.writeString(work.resolve("etl.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"people.csv\"}], " + OUTPUTS + "}");

    // nothing listens on port 1; the password must show nowhere
    Etl.Outcome outcome = Etl.run(work, Map.of("REDIS_URL", "redis://:redis-pw-77@127.0.0.1:1"), "--config=etl.json",
        "--report=report.json");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.stdoutLines().get(0)).startsWith("Run id: ");
    String runId = outcome.stdoutLines().get(0).substring("Run id: ".length());
    assertThat(outcome.stdoutLines()).contains("ETL Pipeline Failed", "Total Records: 0",
        "Rejected records (written when the run completes): output/rejected-" + runId + ".ndjson (0)");
    assertThat(outcome.stderrLines()).singleElement().asString()
        .startsWith("error: run " + runId + " failed: cannot connect to Redis at 127.0.0.1:1")
        .endsWith("; fix the cause and run it again");
    assertOneLineWithoutStackTrace(outcome);
    assertThat(Files.readString(work.resolve("report.json"))).contains("\"status\" : \"FAILED\"", "\"read\" : 0")
        .doesNotContain("redis-pw-77");
    assertThat(outcome.stdout() + outcome.stderr()).doesNotContain("redis-pw-77");
  }

  @Test
  void checksAResumeInADryRunWithoutWritingAnything() throws IOException {
    Files.writeString(work.resolve("etl.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"people.csv\"}], " + OUTPUTS + "}");
    Etl.Outcome first = Etl.run(work, Map.of(), "--config=etl.json");
    String runId = first.stdoutLines().get(0).substring("Run id: ".length());
    Files.writeString(work.resolve("other.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"people.csv\"}],"
        + " \"outputs\": [{\"type\": \"json\", \"destination\": \"output/y.json\"}]}");

    Etl.Outcome unknown = Etl.run(work, Map.of(), "--config=etl.json", "--dry-run", "--resume=etl-123-abcd");
    Etl.Outcome changed = Etl.run(work, Map.of(), "--config=other.json", "--dry-run", "--resume=" + runId);
    Etl.Outcome same = Etl.run(work, Map.of(), "--config=etl.json", "--dry-run", "--resume=" + runId);

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderrLines()).singleElement().asString().startsWith("error: no checkpoint for run etl-123-abcd in ");
    assertThat(changed.exitCode()).isEqualTo(2);
    assertThat(changed.stderrLines()).singleElement().asString()
        .startsWith("error: run " + runId + " was made by a different pipeline definition");
    assertThat(same.exitCode()).as(same.stderr()).isZero();
    assertThat(same.stdoutLines()).contains("Resumes run " + runId + " from its last checkpoint");
    assertThat(work.resolve("output/y.json")).doesNotExist();
  }

  @Test
  void refusesToResumeWithAChangedConfigBeforeItPrintsARunIdOrOpensLogs() throws IOException {
    Files.writeString(work.resolve("etl.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"people.csv\"}], " + OUTPUTS + "}");
    String runId = Etl.run(work, Map.of(), "--config=etl.json").stdoutLines().get(0).substring("Run id: ".length());
    Files.writeString(work.resolve("other.json"), "{\"sources\": [{\"type\": \"csv\", \"path\": \"people.csv\"}],"
        + " \"outputs\": [{\"type\": \"json\", \"destination\": \"output/y.json\"}]}");
    deleteTree(work.resolve("logs"));

    Etl.Outcome changed = Etl.run(work, Map.of(), "--config=other.json", "--resume=" + runId);

    assertThat(changed.exitCode()).isEqualTo(2);
    assertThat(changed.stdout()).isEmpty();
    assertThat(changed.stderrLines()).singleElement().asString()
        .startsWith("error: run " + runId + " was made by a different pipeline definition");
    assertThat(work.resolve("logs")).doesNotExist();
    assertThat(work.resolve("output/y.json")).doesNotExist();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
