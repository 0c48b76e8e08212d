package dev.etlkit.examples.employee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Violation;
import dev.etlkit.checkpoint.FileCheckpointStore;
import dev.etlkit.sinks.json.JsonSink;
import dev.etlkit.sources.json.JsonSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's own two tests, through a real pipeline: a JSON file in, a JSON file out. */
class EmployeePipelineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** The seed's test config: validation, deduplication and normalization on, enrichment off. */
  private PipelineResult run(List<Path> inputs, Path output, int batchSize) {
    Pipeline.Builder pipeline = Pipeline.builder("employees")
        .sink(JsonSink.file(output))
        .batchSize(batchSize)
        .clock(Outcomes.CLOCK)
        .checkpoints(FileCheckpointStore.in(dir.resolve(".etl")));
    inputs.forEach(in -> pipeline.source(JsonSource.file(in).build()));
    EmployeeRules.transformers(true, true, false, true).forEach(pipeline::transform);
    return pipeline.build().run();
  }

  private Path write(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json);
  }

  @Test
  void processesValidRecordsSuccessfully() throws Exception {
    Path in = write("test-data.json", """
        [{"id": "1", "name": "john doe", "email": "JOHN@EXAMPLE.COM", "age": "30", "department": "eng",
          "salary": "$75,000", "joinDate": "2023-01-15", "isActive": "true"}]""");
    Path out = dir.resolve("test-output.json");

    PipelineResult result = run(List.of(in), out, 100);

    assertThat(result.read()).isEqualTo(1);
    assertThat(result.written()).isEqualTo(1);
    assertThat(result.rejected()).isZero();
    JsonNode output = JSON.readTree(out.toFile());
    assertThat(output).hasSize(1);
    assertThat(output.get(0).get("name").asText()).isEqualTo("John Doe");
    assertThat(output.get(0).get("email").asText()).isEqualTo("john@example.com");
    assertThat(output.get(0).get("department").asText()).isEqualTo("Engineering");
    assertThat(output.get(0)).isEqualTo(JSON.readTree("""
        {"id": "1", "name": "John Doe", "email": "john@example.com", "age": 30, "department": "Engineering",
         "salary": 75000, "joinDate": "2023-01-15", "isActive": true}"""));
  }

  @Test
  void handlesValidationErrorsGracefully() throws Exception {
    Path in = write("test-data.json", """
        [{"id": "1", "name": "a", "email": "invalid-email", "age": "not-a-number", "department": "unknown",
          "salary": "invalid", "joinDate": "invalid-date", "isActive": "maybe"}]""");
    Path out = dir.resolve("test-output.json");

    PipelineResult result = run(List.of(in), out, 100);

    assertThat(result.read()).isEqualTo(1);
    assertThat(result.written()).isZero();
    assertThat(result.rejected()).isEqualTo(1);
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.step()).isEqualTo("validate");
      assertThat(e.violations()).extracting(Violation::field)
          .containsExactly("name", "email", "age", "department", "salary", "joinDate", "isActive");
      assertThat(e.violations()).extracting(Violation::message).containsExactly(
          "must be 2 to 100 characters long, was \"A\"",
          "must be an email address like name@example.com, was \"invalid-email\"",
          "must be an integer, was \"not-a-number\"",
          "must be one of Engineering, Sales, Marketing, HR, Finance, was \"unknown\"",
          "must be a number, was \"invalid\"",
          "must be a date, was \"invalid-date\"",
          "must be true or false, was \"maybe\"");
    });
    assertThat(JSON.readTree(out.toFile())).isEmpty();
  }

  @Test
  void keepsTheFirstOfEachIdAcrossSourcesAndBatches() throws Exception {
    Path employees = write("employees.json", """
        [{"id": 1, "name": "ann lee", "email": "ann@x.io", "age": 30, "department": "hr", "salary": 50000,
          "joinDate": "2020-01-01", "isActive": true},
         {"id": "2", "name": "bo li", "email": "bo@x.io", "age": "41", "department": "Sales", "salary": "$60,000",
          "joinDate": "2021/02/03", "isActive": "no"},
         {"id": " 1 ", "name": "ann later", "email": "ann2@x.io", "age": 31, "department": "hr", "salary": 99999,
          "joinDate": "2020-01-01", "isActive": true}]""");
    Path contractors = write("contractors.json", """
        [{"id": "3", "name": "cy", "email": "cy@x.io", "age": 15, "department": "dev", "salary": 1,
          "joinDate": "2020-01-01", "isActive": "y"},
         {"id": "2", "name": "bo again", "email": "bo2@x.io", "age": 42, "department": "sales", "salary": 1,
          "joinDate": "2020-01-01", "isActive": "y"},
         {"id": "4", "name": "di", "email": "di@x.io", "age": 22, "department": "mktg", "salary": 1.5,
          "joinDate": "2020-01-01T10:00:00Z", "isActive": "ACTIVE", "nickname": "d"}]""");
    Path out = dir.resolve("out.json");

    PipelineResult result = run(List.of(employees, contractors), out, 2);

    assertThat(List.of(result.read(), result.rejected(), result.duplicates(), result.written())).containsExactly(6L, 1L, 2L, 3L);
    JsonNode output = JSON.readTree(out.toFile());
    assertThat(output.findValuesAsText("id")).containsExactly("1", "2", "4");
    assertThat(output.findValuesAsText("name")).containsExactly("Ann Lee", "Bo Li", "Di");
    assertThat(output.get(2).has("nickname")).isFalse();
  }
}
