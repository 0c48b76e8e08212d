package dev.etlkit.internal;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Retry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * Saves checkpoints on a thread of its own, so that a store's fsync or network round trip overlaps
 * with the next batches instead of stalling them, and at most once per interval, so that a fast
 * pipeline does not spend its time saving. Log entries are appended in order, all of them;
 * of several checkpoints waiting at once only the newest is saved, since it covers the others. A
 * checkpoint only ever describes batches the sinks had already committed when it was handed over, so a
 * delayed one is merely older, never wrong. A failure (after the store's retries) is kept and thrown to
 * the writer at its next hand-over.
 */
final class Checkpointer {

  /** One entry for one of the run's logs. */
  record LogEntry(String log, byte[] entry) {
  }

  private record Task(List<LogEntry> entries, Checkpoint checkpoint) {
  }

  private final CheckpointStore store;
  private final Retry retry;
  // Room for every batch a fast pipeline commits within one interval; put() blocks beyond it.
  private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(4096);
  private final long intervalNanos;
  private long lastSaveNanos;
  private volatile boolean flushing;
  private final Thread thread;
  private final Object lock = new Object();
  private long submitted;
  private long done;
  private volatile @Nullable Exception failure;
  private volatile Checkpoint lastSaved;

  /**
   * {@code saved}: the checkpoint the run already has in the store (its first one, or the one resumed
   * from); {@code interval}: the least time between two saves.
   */
  Checkpointer(String runId, CheckpointStore store, Retry retry, Checkpoint saved, java.time.Duration interval) {
    this.store = store;
    this.retry = retry;
    this.intervalNanos = interval.toNanos();
    this.lastSaveNanos = System.nanoTime() - intervalNanos;
    this.lastSaved = saved;
    this.thread = new Thread(this::loop, "etl-checkpoint-" + runId);
    thread.setDaemon(true);
    thread.start();
  }

  /** Hands over the log entries and checkpoint of a committed batch; blocks only when far behind. */
  void submit(List<LogEntry> entries, Checkpoint checkpoint) throws Exception {
    rethrow();
    synchronized (lock) {
      submitted++;
    }
    queue.put(new Task(entries, checkpoint));
  }

  /** Waits until everything handed over is saved; throws the failure if saving failed. */
  void drain() throws Exception {
    synchronized (lock) {
      flushing = true;
      lock.notifyAll();
      while (done < submitted && failure == null) {
        lock.wait();
      }
    }
    rethrow();
  }

  /** Whether saving failed for good; then {@link #lastSaved()} is the last checkpoint the run can trust. */
  boolean failed() {
    return failure != null;
  }

  /** The newest checkpoint known to be in the store, with all its log entries. */
  Checkpoint lastSaved() {
    return lastSaved;
  }

  /** Stops the thread; call after {@link #drain()}. */
  void stop() {
    thread.interrupt();
  }

  private void rethrow() throws Exception {
    Exception f = failure;
    if (f != null) {
      throw f;
    }
  }

  /** Waits until the interval since the last save has passed, unless the run is ending. */
  private void awaitInterval() throws InterruptedException {
    synchronized (lock) {
      long wait;
      while (!flushing && (wait = lastSaveNanos + intervalNanos - System.nanoTime()) > 0) {
        lock.wait(Math.max(1, wait / 1_000_000));
      }
    }
  }

  private void loop() {
    List<Task> tasks = new ArrayList<>();
    try {
      while (true) {
        tasks.clear();
        tasks.add(queue.take());
        awaitInterval();
        queue.drainTo(tasks);
        for (Task t : tasks) {
          for (LogEntry e : t.entries()) {
            retry.call("append to checkpoint log", () -> {
              store.appendLog(t.checkpoint().runId(), e.log(), e.entry());
              return null;
            });
          }
        }
        Checkpoint newest = tasks.get(tasks.size() - 1).checkpoint();
        retry.call("save checkpoint", () -> {
          store.save(newest);
          return null;
        });
        lastSaved = newest;
        lastSaveNanos = System.nanoTime();
        synchronized (lock) {
          done += tasks.size();
          lock.notifyAll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failure = e instanceof EtlException ? e : new EtlException("cannot save checkpoint: " + e.getMessage(), e);
      synchronized (lock) {
        lock.notifyAll();
      }
    }
  }
}
