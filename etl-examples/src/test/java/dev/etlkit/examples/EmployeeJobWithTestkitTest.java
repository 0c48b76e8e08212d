package dev.etlkit.examples;

import static dev.etlkit.testkit.EtlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Record;
import dev.etlkit.examples.employee.EmployeeRules;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.ListSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * How to test your own pipeline with etl-testkit: records in memory in, a collecting sink out, a fixed
 * clock, no checkpoints, and assertions on the result and the records.
 */
class EmployeeJobWithTestkitTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2025-01-15T12:00:00Z"), ZoneOffset.UTC);

  private static Record raw(String id, String name, String email, String age) {
    return Record.of("id", id, "name", name, "email", email,
        "age", age, "department", "eng", "salary", "$75,000", "joinDate", "2023/01/15", "isActive", "yes");
  }

  @Test
  void cleansValidatesAndDeduplicatesEmployees() {
    CollectingSink<Record> sink = CollectingSink.create();

    PipelineResult result = Pipeline.builder("employees-test")
        .source(ListSource.of(raw("1", "john  doe", " JOHN.DOE@EXAMPLE.COM", "30"),
            raw("2", "jane roe", "jane@example.com", "abc"), raw("1", "John Doe", "john@example.com", "30")))
        .transform(EmployeeRules.normalize())
        .transform(EmployeeRules.validate())
        .transform(EmployeeRules.deduplicate())
        .sink(sink)
        .clock(NOW)
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).succeeded().hasCounts(3, 1, 1, 1);
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.step()).isEqualTo("validate");
      assertThat(e.violations()).extracting(v -> v.field()).containsExactly("age");
    });
    assertThat(sink.items().get(0))
        .hasField("name", "John Doe")
        .hasField("email", "john.doe@example.com")
        .hasField("age", 30L)
        .hasField("department", "Engineering")
        .hasField("salary", new BigDecimal("75000"))
        .hasField("joinDate", LocalDate.of(2023, 1, 15))
        .hasField("isActive", true);
  }
}
