package dev.etlkit.examples;

import dev.etlkit.ErrorPolicy;
import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Retry;
import dev.etlkit.examples.employee.EmployeeRules;
import dev.etlkit.sinks.csv.CsvSink;
import dev.etlkit.sinks.json.JsonSink;
import dev.etlkit.sources.csv.CsvSource;
import dev.etlkit.sources.json.JsonSource;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The employee job of {@code config/employees.json}, composed in code: two sources, the four employee
 * steps, a CSV and a JSON output, rejected records to an NDJSON dead letter, checkpoints in files.
 * Run it from the repository root:
 *
 * <pre>{@code
 * java -cp etl-examples/target/etl.jar dev.etlkit.examples.ComposeEmployeePipeline
 * }</pre>
 */
public final class ComposeEmployeePipeline {

  private ComposeEmployeePipeline() {
  }

  /** Runs the job and prints its counts. */
  public static void main(String[] args) {
    Path data = Path.of("etl-examples", "data");
    Path output = Path.of("output", "code-example");
    PipelineResult result = Pipeline.builder("employees-in-code")
        .source(CsvSource.file(data.resolve("employees.csv")).build())
        .source(JsonSource.file(data.resolve("contractors.json")).build())
        .transform(EmployeeRules.normalize())
        .transform(EmployeeRules.validate())
        .transform(EmployeeRules.enrich())
        .transform(EmployeeRules.deduplicate())
        .sink(CsvSink.builder(output.resolve("employees.csv"))
            .column("id", "ID").column("name", "Name").column("email", "Email").column("age", "Age")
            .column("department", "Department").column("salary", "Salary").column("joinDate", "Join Date")
            .column("isActive", "Is Active")
            .booleans("Yes", "No")
            .build())
        .sink(JsonSink.file(output.resolve("employees.json")))
        .batchSize(1_000)
        .retry(Retry.exponential(3, Duration.ofMillis(200)))
        .onError(ErrorPolicy.skip().deadLetter(JsonSink.file(output.resolve("rejected.ndjson"))))
        .build()
        .run();
    System.out.printf("%s: %d read, %d written, %d rejected, %d duplicates%n",
        result.status(), result.read(), result.written(), result.rejected(), result.duplicates());
    result.errors().forEach(e -> System.out.println("  " + e));
  }
}
