package dev.etlkit.progress;

import dev.etlkit.PipelineListener;
import dev.etlkit.PipelineResult;
import dev.etlkit.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a run's progress: on a terminal, a bar redrawn in place with the records read, the rate and,
 * when the sources know their size, the share done and the time left; elsewhere (a pipe, a CI log) an
 * INFO log line at most every interval, so that logs stay readable.
 *
 * <pre>{@code
 * Pipeline.builder("employees")...listener(ConsoleProgress.forConsole()).build().run();
 * }</pre>
 *
 * <p>A bar looks like
 * {@code [##########..........]  50%  100,000 records  41,990/s  ETA 0:02  12 rejected  3 duplicates};
 * the bar and ETA are left out when the size of the input is unknown. The line is finished with a new
 * line when the run ends, so that what is printed next starts on its own line.
 */
public final class ConsoleProgress implements PipelineListener {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleProgress.class);
  private static final int BAR_WIDTH = 20;
  private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();

  private final @Nullable PrintStream terminal;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private long lastShown;
  private int lastLength;
  private @Nullable Progress latest;

  ConsoleProgress(@Nullable PrintStream terminal, Duration interval, LongSupplier nanoTime) {
    this.terminal = terminal;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  /** A bar on {@code System.out} when the JVM has a console, else log lines every 10 seconds. */
  public static ConsoleProgress forConsole() {
    return System.console() != null ? bar(System.out) : logLines(Duration.ofSeconds(10));
  }

  /** A bar redrawn in place on {@code out}, at most ten times a second. */
  public static ConsoleProgress bar(PrintStream out) {
    return new ConsoleProgress(Objects.requireNonNull(out, "out"), Duration.ofNanos(REDRAW_NANOS), System::nanoTime);
  }

  /** An INFO line on the {@code dev.etlkit.progress.ConsoleProgress} logger at most every {@code interval}. */
  public static ConsoleProgress logLines(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative, was " + interval);
    }
    return new ConsoleProgress(null, interval, System::nanoTime);
  }

  @Override
  public void runStarted(String runId, String pipeline, boolean resumed) {
    lastShown = nanoTime.getAsLong();
    lastLength = 0;
    latest = null;
  }

  @Override
  public void batchCommitted(Progress progress) {
    latest = progress;
    long now = nanoTime.getAsLong();
    if (now - lastShown < intervalNanos) {
      return;
    }
    lastShown = now;
    if (terminal != null) {
      draw(terminal, progress);
    } else {
      LOG.info("run {}: {}", progress.runId(), line(progress));
    }
  }

  @Override
  public void runFinished(PipelineResult result) {
    if (terminal != null && latest != null) {
      draw(terminal, latest);
      terminal.println();
      terminal.flush();
    }
  }

  private void draw(PrintStream out, Progress progress) {
    String text = (progress.fraction().isPresent() ? bar(progress.fraction().get()) + "  " : "") + line(progress);
    StringBuilder sb = new StringBuilder(text.length() + 8).append('\r').append(text);
    for (int i = text.length(); i < lastLength; i++) {
      sb.append(' ');
    }
    lastLength = text.length();
    out.print(sb);
    out.flush();
  }

  /** The progress in words: "100,000 records  41,990/s  ETA 0:02  12 rejected  3 duplicates". */
  static String line(Progress p) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%,d records  %,d/s", p.read(), Math.round(p.ratePerSecond())));
    p.eta().ifPresent(eta -> sb.append("  ETA ").append(clock(eta)));
    if (p.rejected() > 0) {
      sb.append(String.format(Locale.ROOT, "  %,d rejected", p.rejected()));
    }
    if (p.duplicates() > 0) {
      sb.append(String.format(Locale.ROOT, "  %,d duplicates", p.duplicates()));
    }
    return sb.toString();
  }

  static String bar(double fraction) {
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
        + String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100));
  }

  static String clock(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
