package dev.etlkit.testkit;

import dev.etlkit.PipelineListener;
import dev.etlkit.Progress;
import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.RunStatus;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Decides, in the forked JVM, when the run has reached its {@link CrashPoint}; then tells the harness
 * over standard output and waits to be killed. Everything it watches happens on the pipeline's writer
 * thread, in order: sink writes, log appends, checkpoint save, listeners.
 */
final class CrashTrigger implements PipelineListener {

  /** The line that tells the harness to kill this JVM now. */
  static final String READY = "etlkit-crash:ready-to-die ";

  private final @Nullable CrashPoint point;
  private long committed;
  private @Nullable Object lastWatched;

  /** {@code committedBefore}: batches committed by earlier attempts of the run. */
  CrashTrigger(@Nullable CrashPoint point, long committedBefore) {
    this.point = point;
    this.committed = committedBefore;
  }

  @Override
  public void batchCommitted(Progress progress) {
    committed = progress.batches();
    if (is(CrashPoint.Kind.AFTER_BATCH) && committed == point.batch()) {
      die();
    }
  }

  /** A trigger that never fires: in the test's own JVM and in runs that are not killed. */
  static CrashTrigger never() {
    return new CrashTrigger(null, 0);
  }

  /** {@code sink} is watched; the one watched last is killed mid-write. */
  void watching(Object sink) {
    lastWatched = sink;
  }

  /** Whether the write {@code sink} now starts is the one to kill halfway. */
  boolean killsThisWrite(Object sink) {
    return is(CrashPoint.Kind.DURING_WRITE) && sink == lastWatched && committed + 1 == point.batch();
  }

  /** Called before the store saves {@code checkpoint}. */
  void beforeSave(Checkpoint checkpoint) {
    if (is(CrashPoint.Kind.BEFORE_CHECKPOINT) && checkpoint.status() == RunStatus.RUNNING
        && checkpoint.counts().getOrDefault("batches", 0L) == point.batch()) {
      die();
    }
  }

  /** Tells the harness and blocks until the process is killed. */
  void die() {
    System.out.println(READY + point);
    System.out.flush();
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Interrupted instead of killed: stop anyway, without letting the run go on.
    Runtime.getRuntime().halt(137);
  }

  private boolean is(CrashPoint.Kind kind) {
    return point != null && point.kind() == kind;
  }
}
