package dev.etlkit.testkit;

import dev.etlkit.PipelineResult;
import dev.etlkit.api.Record;

/**
 * Entry point for etlkit's AssertJ assertions.
 *
 * <pre>{@code
 * import static dev.etlkit.testkit.EtlAssertions.assertThat;
 *
 * assertThat(result).succeeded().hasCounts(3, 2, 1, 0);
 * assertThat(record).hasField("email", "john@example.com");
 * }</pre>
 */
public final class EtlAssertions {

  private EtlAssertions() {
  }

  /** Assertions on a run's result. */
  public static PipelineResultAssert assertThat(PipelineResult result) {
    return new PipelineResultAssert(result);
  }

  /** Assertions on a record. */
  public static RecordAssert assertThat(Record record) {
    return new RecordAssert(record);
  }
}
