package dev.etlkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.PipelineResult;
import dev.etlkit.api.ConfigException;
import dev.etlkit.api.Record;
import dev.etlkit.api.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPipelineTest {

  @TempDir
  Path dir;

  @BeforeEach
  void writeInput() throws IOException {
    Files.writeString(dir.resolve("in.txt"), "1,  ann\n2,bob\n1,ann again\n3,  \n");
  }

  private PipelineConfig parse(String json) {
    return PipelineConfig.reader().baseDir(dir).environment(Map.<String, String>of()::get)
        .plugins(TestPlugins.loader(dir)).profile(new NamesProfile()).parse(json, "names");
  }

  @Test
  void runsTheSeedFormThroughTheProfile() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "transformations": {"validation": true, "deduplication": true, "enrichment": true, "normalization": true},
         "outputs": [{"type": "memory", "destination": "seed-out"}],
         "batchSize": 2}
        """);

    PipelineResult result = config.toBuilder().build().run("run-1");

    assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(TestPlugins.WRITTEN.get("seed-out")).containsExactly(
        Record.of("id", "1", "name", "ann", "seen", true), Record.of("id", "2", "name", "bob", "seen", true));
    assertThat(result.duplicates()).isEqualTo(1);
    assertThat(result.rejected()).isEqualTo(1);
  }

  @Test
  void findsAValidateStepsBeanClassWithThePlugins() throws IOException {
    // a bean class only the plugins' loader sees, as in a host's plugin jar
    Path sources = Files.createDirectories(dir.resolve("src/hostbeans"));
    Files.writeString(sources.resolve("Person.java"), """
        package hostbeans;
        public class Person {
          @jakarta.validation.constraints.NotBlank public String id;
          @jakarta.validation.constraints.Size(min = 4) public String name;
        }
        """);
    int compiled = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
        dir.resolve("plugins").toString(), "-cp", System.getProperty("java.class.path"), sources.resolve("Person.java").toString());
    assertThat(compiled).isZero();
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "transformations": [{"type": "validate", "class": "hostbeans.Person"}],
         "outputs": [{"type": "memory", "destination": "beans-out"}],
         "errors": {"deadLetter": false}}
        """);

    PipelineResult result = config.toBuilder().build().run("run-beans");

    assertThat(result.rejected()).isEqualTo(1);
    assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.violations())
        .extracting(v -> v.field()).containsExactly("name"));
  }

  @Test
  void runsTheStepsInConfigOrder() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "transformations": [{"type": "upper", "field": "name"}],
         "outputs": [{"type": "memory", "destination": "steps-out"}],
         "errors": {"deadLetter": false}}
        """);

    config.toBuilder().build().run("run-2");

    assertThat(TestPlugins.WRITTEN.get("steps-out")).extracting(r -> r.getString("name"))
        .containsExactly("  ANN", "BOB", "ANN AGAIN", "  ");
  }

  @Test
  void writesRejectedRecordsNextToTheFirstFileOutputNamedForTheRun() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "transformations": {"validation": true},
         "outputs": [{"type": "memory", "destination": "elsewhere"}, {"type": "json", "destination": "out/valid.json"}]}
        """);

    config.toBuilder().build().run("run-3");

    assertThat(config.deadLetter("run-3")).contains(dir.resolve("out/rejected-run-3.ndjson"));
    assertThat(TestPlugins.WRITTEN.get("out/rejected-run-3.ndjson")).singleElement()
        .satisfies(r -> assertThat(r.getString("message")).isEqualTo("name: required"));
  }

  @Test
  void keepsCheckpointsUnderTheBaseDirectory() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "cp-out"}]}
        """);

    config.toBuilder().build().run("run-4");

    assertThat(dir.resolve(".etl/checkpoints/run-4.json")).exists();
  }

  @Test
  void readsTheErrorsSection() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "errors": {"failFast": true, "maxErrors": 10, "maxErrorRate": 0.25, "deadLetter": "bad/{runId}.ndjson"}}
        """);

    assertThat(config.errors()).isEqualTo(new ErrorOptions(true, 10, 0.25, "bad/{runId}.ndjson"));
    assertThat(config.deadLetter("r")).contains(dir.resolve("bad/r.ndjson"));
  }

  @Test
  void reportsBadErrorsOptions() {
    assertThatThrownBy(() -> parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "errors": {"maxErrorRate": 5, "deadLetter": 3, "retry": true}}
        """))
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).problems())
        .asList()
        .containsExactly(
            "errors.retry: unknown field; known fields: failFast, maxErrors, maxErrorRate, deadLetter",
            "errors.deadLetter: must be a file path or false, was 3",
            "errors.maxErrorRate: must be between 0 and 1, was 5");
  }

  @Test
  void stopsTheRunWhenTheErrorRateIsCrossed() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "transformations": {"validation": true},
         "outputs": [{"type": "memory", "destination": "strict-out"}],
         "errors": {"failFast": true, "deadLetter": false}}
        """);

    PipelineResult result = config.toBuilder().build().run("run-5");

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.failure()).startsWith("fail-fast error policy: a record was rejected");
  }
}
