package dev.etlkit;

import java.time.Duration;
import java.util.Optional;

/**
 * A run's progress after a committed batch, for progress bars and monitoring.
 *
 * @param runId the run's id
 * @param batches batches committed so far
 * @param read records read so far (including those read before a resume)
 * @param rejected records rejected so far
 * @param duplicates duplicates dropped so far
 * @param written records written so far
 * @param elapsed time since this attempt started
 * @param readThisAttempt records read since this attempt started, for the rate
 * @param bytesRead bytes of input consumed, or -1 when unknown
 * @param totalBytes total bytes of input, or -1 when unknown
 */
public record Progress(String runId, long batches, long read, long rejected, long duplicates, long written,
    Duration elapsed, long readThisAttempt, long bytesRead, long totalBytes) {

  /** Records read per second in this attempt. */
  public double ratePerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : readThisAttempt / seconds;
  }

  /** The share of the input consumed (0..1), when the total size is known. */
  public Optional<Double> fraction() {
    return totalBytes > 0 && bytesRead >= 0 ? Optional.of(Math.min(1.0, (double) bytesRead / totalBytes)) : Optional.empty();
  }

  /** The estimated time left, from bytes read of the total size, when known. */
  public Optional<Duration> eta() {
    return fraction().filter(f -> f > 0).map(f -> Duration.ofMillis((long) (elapsed.toMillis() * (1 - f) / f)));
  }
}
