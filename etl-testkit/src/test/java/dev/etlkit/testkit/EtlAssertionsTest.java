package dev.etlkit.testkit;

import static dev.etlkit.testkit.EtlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Record;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtlAssertionsTest {

  @Test
  void aRecordThatDiffersNamesEachFieldAndTheValuesTypes() {
    Record got = Record.of("id", "2", "name", "BOB", "age", 41L, "extra", true);

    assertThat(got).isEqualTo(Record.of("id", "2", "name", "BOB", "age", 41L, "extra", true));
    assertThatThrownBy(() -> assertThat(got).isEqualTo(Record.of("id", "2", "name", "BOB", "age", "41", "team", "A")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("field 'age': expected <41> (String) but was <41> (Long)")
        .hasMessageContaining("field 'team' is missing")
        .hasMessageContaining("field 'extra' is not expected, holds <true> (Boolean)");
    assertThatThrownBy(() -> assertThat(got).isEqualTo(Record.of("name", "BOB", "id", "2", "age", 41L, "extra", true)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("same fields and values, in another order: expected [name, id, age, extra] but was [id, name, age, extra]");
  }

  @Test
  void aFailureCanBeMatchedByPartOfItsMessage() {
    PipelineResult failed = Pipeline.builder("disk")
        .source(ListSource.of("one", List.of(Record.of("id", 1L))))
        .sink(FailingSink.fatalAtBatch(1, () -> new IOException("No space left on device")))
        .noCheckpoints()
        .build()
        .run();

    assertThat(failed).failedWithMessageContaining("No space left on device");
    assertThatThrownBy(() -> assertThat(failed).failedWithMessageContaining("permission denied"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to fail with a message containing");
  }
}
