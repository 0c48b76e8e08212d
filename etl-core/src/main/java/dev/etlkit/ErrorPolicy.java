package dev.etlkit;

import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a run when records are rejected. The default, {@link #skip()}, rejects bad records
 * alone, keeps them in the result and goes on. Thresholds turn many rejections into a failed run;
 * a dead-letter sink receives every rejected record with its reasons.
 *
 * <pre>{@code
 * ErrorPolicy.skip()
 *     .maxErrorRate(0.05)                                   // fail when more than 5% are rejected
 *     .deadLetter(NdjsonSink.file(Path.of("output/rejected.ndjson")))
 * }</pre>
 *
 * <p>Thresholds are checked after every batch against the run's totals so far. When the transformed
 * batch would cross one, the run fails before that batch is written, so a resumed run (after the data
 * is fixed) starts with it again.
 */
public final class ErrorPolicy {

  private final boolean failFast;
  private final long maxErrors;
  private final double maxErrorRate;
  private final @Nullable Sink<Record> deadLetter;
  private final int keepErrors;

  private ErrorPolicy(boolean failFast, long maxErrors, double maxErrorRate, @Nullable Sink<Record> deadLetter, int keepErrors) {
    this.failFast = failFast;
    this.maxErrors = maxErrors;
    this.maxErrorRate = maxErrorRate;
    this.deadLetter = deadLetter;
    this.keepErrors = keepErrors;
  }

  /** Reject bad records alone and go on, however many there are. */
  public static ErrorPolicy skip() {
    return new ErrorPolicy(false, Long.MAX_VALUE, 1.0, null, 10_000);
  }

  /** Fail the run at the first rejected record. */
  public static ErrorPolicy failFast() {
    return new ErrorPolicy(true, 0, 0.0, null, 10_000);
  }

  /** Fail the run once more than {@code maxErrors} records were rejected. */
  public ErrorPolicy maxErrors(long maxErrors) {
    if (maxErrors < 0) {
      throw new IllegalArgumentException("maxErrors must be >= 0, was " + maxErrors);
    }
    return new ErrorPolicy(failFast, maxErrors, maxErrorRate, deadLetter, keepErrors);
  }

  /** Fail the run once more than this share (0..1) of the records read so far were rejected. */
  public ErrorPolicy maxErrorRate(double maxErrorRate) {
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw new IllegalArgumentException("maxErrorRate must be between 0 and 1, was " + maxErrorRate);
    }
    return new ErrorPolicy(failFast, maxErrors, maxErrorRate, deadLetter, keepErrors);
  }

  /** Also send every rejected record, with its reasons, to this sink. */
  public ErrorPolicy deadLetter(Sink<Record> sink) {
    return new ErrorPolicy(failFast, maxErrors, maxErrorRate, Objects.requireNonNull(sink, "sink"), keepErrors);
  }

  /** How many rejected records the result keeps in memory (default 10,000); the dead letter gets them all. */
  public ErrorPolicy keepErrors(int keepErrors) {
    if (keepErrors < 0) {
      throw new IllegalArgumentException("keepErrors must be >= 0, was " + keepErrors);
    }
    return new ErrorPolicy(failFast, maxErrors, maxErrorRate, deadLetter, keepErrors);
  }

  /** Whether the first rejection fails the run. */
  public boolean isFailFast() {
    return failFast;
  }

  public long maxErrors() {
    return maxErrors;
  }

  public double maxErrorRate() {
    return maxErrorRate;
  }

  public @Nullable Sink<Record> deadLetter() {
    return deadLetter;
  }

  public int keepErrors() {
    return keepErrors;
  }

  /**
   * Why the run must fail with these totals, or null when it may go on; {@code read} counts the items
   * handled (those read, and those a transformer split off).
   */
  public @Nullable String violatedBy(long read, long rejected) {
    if (rejected == 0) {
      return null;
    }
    if (failFast) {
      return "fail-fast error policy: a record was rejected";
    }
    if (rejected > maxErrors) {
      return rejected + " records rejected, more than the limit of " + maxErrors;
    }
    if (read > 0 && (double) rejected / read > maxErrorRate) {
      return String.format(java.util.Locale.ROOT, "error rate %.2f%% (%d of %d records rejected) exceeds the limit of %.2f%%",
          100.0 * rejected / read, rejected, read, 100.0 * maxErrorRate);
    }
    return null;
  }
}
