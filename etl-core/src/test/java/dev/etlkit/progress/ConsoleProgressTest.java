package dev.etlkit.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final AtomicLong now = new AtomicLong();
  private final ConsoleProgress bar = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
      Duration.ofMillis(100), now::get);

  private static Progress progress(long read, long bytesRead, long totalBytes, long rejected, long duplicates) {
    return new Progress("run-1", 1, read, rejected, duplicates, read - rejected - duplicates, Duration.ofSeconds(2),
        read, bytesRead, totalBytes);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void drawsABarWithShareRateAndTimeLeftWhenTheSizeIsKnown() {
    bar.runStarted("run-1", "p", false);
    now.set(Duration.ofSeconds(2).toNanos());

    bar.batchCommitted(progress(100_000, 500, 1_000, 12, 3));

    assertThat(printed()).isEqualTo("\r[##########..........]  50%  100,000 records  50,000/s  ETA 0:02  12 rejected  3 duplicates");
  }

  @Test
  void leavesTheBarOutWhenTheSizeIsUnknown() {
    bar.runStarted("run-1", "p", false);
    now.set(Duration.ofSeconds(1).toNanos());

    bar.batchCommitted(progress(4_000, -1, -1, 0, 0));

    assertThat(printed()).isEqualTo("\r4,000 records  2,000/s");
  }

  @Test
  void redrawsAtMostEveryInterval() {
    bar.runStarted("run-1", "p", false);
    now.set(Duration.ofMillis(150).toNanos());
    bar.batchCommitted(progress(1_000, -1, -1, 0, 0));
    now.set(Duration.ofMillis(200).toNanos());
    bar.batchCommitted(progress(2_000, -1, -1, 0, 0));

    assertThat(printed()).isEqualTo("\r1,000 records  500/s");
  }

  @Test
  void blanksWhatRemainsOfALongerLine() {
    bar.runStarted("run-1", "p", false);
    now.set(Duration.ofSeconds(1).toNanos());
    bar.batchCommitted(progress(1_000, -1, -1, 10, 0));
    now.set(Duration.ofSeconds(2).toNanos());
    bar.batchCommitted(progress(2_000, -1, -1, 0, 0));

    String first = "1,000 records  500/s  10 rejected";
    String second = "2,000 records  1,000/s";
    assertThat(printed()).isEqualTo("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()));
  }

  @Test
  void finishesTheLineWithTheLatestProgressWhenTheRunEnds() {
    bar.runStarted("run-1", "p", false);
    bar.batchCommitted(progress(1_000, 1_000, 1_000, 0, 0));

    bar.runFinished(null);

    assertThat(printed()).isEqualTo("\r[####################] 100%  1,000 records  500/s  ETA 0:00" + System.lineSeparator());
  }

  @Test
  void printsNothingForARunThatCommittedNothing() {
    bar.runStarted("run-1", "p", false);

    bar.runFinished(null);

    assertThat(printed()).isEmpty();
  }

  @Test
  void formatsLongTimesWithHours() {
    assertThat(ConsoleProgress.clock(Duration.ofSeconds(3_725))).isEqualTo("1:02:05");
    assertThat(ConsoleProgress.clock(Duration.ofSeconds(65))).isEqualTo("1:05");
  }
}
