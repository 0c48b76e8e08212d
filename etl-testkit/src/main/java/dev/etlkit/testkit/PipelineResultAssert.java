package dev.etlkit.testkit;

import dev.etlkit.PipelineResult;
import dev.etlkit.RejectedRecord;
import dev.etlkit.api.RunStatus;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on a {@link PipelineResult}; start with {@link EtlAssertions#assertThat(PipelineResult)}. */
public final class PipelineResultAssert extends AbstractAssert<PipelineResultAssert, PipelineResult> {

  PipelineResultAssert(PipelineResult actual) {
    super(actual, PipelineResultAssert.class);
  }

  /** The run succeeded; on failure the message shows why it did not. */
  public PipelineResultAssert succeeded() {
    isNotNull();
    if (actual.status() != RunStatus.SUCCEEDED) {
      failWithMessage("Expected run %s to succeed but it failed: %s", actual.runId(), actual.failure());
    }
    return countsAddUp();
  }

  /** The run failed with exactly this message. */
  public PipelineResultAssert failedWith(String message) {
    return failed("with", message, message::equals);
  }

  /** The run failed, and its failure's message contains {@code part}. */
  public PipelineResultAssert failedWithMessageContaining(String part) {
    return failed("with a message containing", part, failure -> failure.contains(part));
  }

  /** The run failed, with a failure {@code matches} accepts; {@code how} and {@code text} say what was wanted. */
  private PipelineResultAssert failed(String how, String text, Predicate<String> matches) {
    isNotNull();
    if (actual.status() != RunStatus.FAILED) {
      failWithMessage("Expected run %s to fail " + how + " <%s> but it succeeded", actual.runId(), text);
    }
    if (actual.failure() == null || !matches.test(actual.failure())) {
      failWithMessage("Expected run %s to fail " + how + "%n  <%s>%nbut it failed with%n  <%s>", actual.runId(), text,
          actual.failure());
    }
    return countsAddUp();
  }

  /** read + added = rejected + duplicates + filtered + written: every item read or split off is accounted for. */
  public PipelineResultAssert countsAddUp() {
    long sum = actual.rejected() + actual.duplicates() + actual.filtered() + actual.written();
    if (actual.read() + actual.added() != sum) {
      failWithMessage("Expected read (%d) + added (%d) = rejected (%d) + duplicates (%d) + filtered (%d) + written (%d) = %d",
          actual.read(), actual.added(), actual.rejected(), actual.duplicates(), actual.filtered(), actual.written(), sum);
    }
    return this;
  }

  /** Exact counts of read, written, rejected and duplicates. */
  public PipelineResultAssert hasCounts(long read, long written, long rejected, long duplicates) {
    isNotNull();
    if (actual.read() != read || actual.written() != written || actual.rejected() != rejected || actual.duplicates() != duplicates) {
      failWithMessage("Expected read=%d written=%d rejected=%d duplicates=%d but was read=%d written=%d rejected=%d duplicates=%d",
          read, written, rejected, duplicates, actual.read(), actual.written(), actual.rejected(), actual.duplicates());
    }
    return this;
  }

  /** The kept errors, printed as "step rejected origin: message", equal these in order. */
  public PipelineResultAssert hasErrors(String... errors) {
    isNotNull();
    List<String> got = actual.errors().stream().map(RejectedRecord::toString).toList();
    if (!got.equals(List.of(errors))) {
      failWithMessage("Expected errors%n  %s%nbut were%n  %s", List.of(errors), got);
    }
    return this;
  }
}
