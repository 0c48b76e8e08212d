package dev.etlkit.testkit;

import dev.etlkit.PipelineListener;
import dev.etlkit.Progress;
import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.RunStatus;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Decides, in the forked JVM, when the run has reached its {@link CrashPoint}; then tells the harness
 * over standard output and waits to be killed. Sink writes and listeners happen on the pipeline's
 * writer thread; checkpoint saves may happen on another thread, later.
 */
final class CrashTrigger implements PipelineListener {

  /** The line that tells the harness to kill this JVM now. */
  static final String READY = "etlkit-crash:ready-to-die ";

  private final @Nullable CrashPoint point;
  private volatile long committed;
  private long saved;
  private @Nullable Object lastWatched;

  /** {@code committedBefore}: batches committed by earlier attempts of the run. */
  CrashTrigger(@Nullable CrashPoint point, long committedBefore) {
    this.point = point;
    this.committed = committedBefore;
    this.saved = committedBefore;
  }

  /**
   * A kill after batch N, or before its checkpoint, holds the writer once batch N is committed: its
   * checkpoint was handed to the saving thread just before, so the next save covers exactly batch N
   * (not a later one that overtook it) and fires the kill, and nothing after batch N is written.
   */
  @Override
  public void batchCommitted(Progress progress) {
    committed = progress.batches();
    if ((is(CrashPoint.Kind.AFTER_BATCH) || is(CrashPoint.Kind.BEFORE_CHECKPOINT)) && committed >= point.batch()) {
      waitToBeKilled();
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

  /**
   * Called before the store saves {@code checkpoint}. The engine saves checkpoints on a thread of its
   * own and skips those overtaken by a newer one, so the trigger fires at the first save that covers the
   * chosen batch.
   */
  void beforeSave(Checkpoint checkpoint) {
    if (is(CrashPoint.Kind.BEFORE_CHECKPOINT) && covers(checkpoint)) {
      die();
    }
  }

  /** Called after the store saved {@code checkpoint}: the batch counts as committed only once it is durable. */
  void afterSave(Checkpoint checkpoint) {
    synchronized (this) {
      saved = Math.max(saved, checkpoint.counts().getOrDefault("batches", 0L));
      notifyAll();
    }
    if (is(CrashPoint.Kind.AFTER_BATCH) && covers(checkpoint)) {
      die();
    }
  }

  private boolean covers(Checkpoint checkpoint) {
    return checkpoint.status() == RunStatus.RUNNING && checkpoint.counts().getOrDefault("batches", 0L) >= point.batch();
  }

  /**
   * Tells the harness and blocks until the process is killed. A kill in the middle of a write waits
   * first until the checkpoint of every batch before it is saved (the engine saves them on another
   * thread), so that the resumed run starts from a known place.
   */
  void die() {
    if (is(CrashPoint.Kind.DURING_WRITE)) {
      synchronized (this) {
        while (saved < committed) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Runtime.getRuntime().halt(137);
          }
        }
      }
    }
    System.out.println(READY + point);
    System.out.flush();
    waitToBeKilled();
  }

  private static void waitToBeKilled() {
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
