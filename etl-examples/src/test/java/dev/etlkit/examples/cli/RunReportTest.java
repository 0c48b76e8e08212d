package dev.etlkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.PipelineResult;
import dev.etlkit.QualityReport;
import dev.etlkit.RejectedRecord;
import dev.etlkit.api.Origin;
import dev.etlkit.api.Position;
import dev.etlkit.api.RunStatus;
import dev.etlkit.api.Violation;
import dev.etlkit.config.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportTest {

  private static PipelineResult result(RunStatus status, long rejected, List<RejectedRecord> errors, String failure) {
    QualityReport quality = new QualityReport(Map.of("age", new QualityReport.FieldQuality(9, 1, 2)),
        Map.of("age.min", 2L), 0.2);
    return new PipelineResult("run-7", "employees", status, 10, rejected, 1, 0, 0, 10 - rejected - 1, Map.of(), errors,
        failure, null, Instant.EPOCH, Duration.ofMillis(1234), Map.of(), quality, false);
  }

  private static RejectedRecord rejected(String message, Violation... violations) {
    return new RejectedRecord(new Origin("api.example.com/users", Position.at("item", 3)), "validate", message,
        List.of(violations), null);
  }

  @Test
  void holdsTheCountsEveryErrorAndTheDataQuality() {
    RejectedRecord error = rejected("age: too young; email: bad",
        new Violation("age", "min", "too young"), new Violation("email", "email", "bad"));

    Map<String, Object> report = RunReport.toMap(result(RunStatus.SUCCEEDED, 1, List.of(error), null), Secrets.none());

    assertThat(report).containsExactly(
        Map.entry("runId", "run-7"), Map.entry("status", "SUCCEEDED"), Map.entry("read", 10L), Map.entry("rejected", 1L),
        Map.entry("duplicates", 1L), Map.entry("written", 8L), Map.entry("durationMs", 1234L),
        Map.entry("errors", List.of(Map.of("source", "api.example.com/users", "position", "item 3", "step", "validate",
            "message", "age: too young; email: bad", "violations",
            List.of(Map.of("field", "age", "message", "too young"), Map.of("field", "email", "message", "bad"))))),
        Map.entry("dataQuality", Map.of("fields", Map.of("age", Map.of("present", 9L, "empty", 1L, "rejected", 2L)),
            "ruleFailures", Map.of("age.min", 2L), "errorRate", 0.2)));
  }

  @Test
  void saysWhyAFailedRunFailedAndHowManyErrorsItLeftOut() {
    Map<String, Object> report = RunReport.toMap(result(RunStatus.FAILED, 3, List.of(rejected("bad")), "disk full"),
        Secrets.none());

    assertThat(report).containsEntry("status", "FAILED").containsEntry("failure", "disk full")
        .containsEntry("errorsOmitted", 2L);
  }

  @Test
  void masksSecretsInEveryMessage() {
    Secrets secrets = Secrets.of(List.of("tok-123456"));

    Map<String, Object> report = RunReport.toMap(
        result(RunStatus.FAILED, 1, List.of(rejected("echoed tok-123456", new Violation("x", "r", "was tok-123456"))),
            "401 for tok-123456"), secrets);

    assertThat(report.toString()).doesNotContain("tok-123456").contains("echoed ***", "was ***", "401 for ***");
  }
}
