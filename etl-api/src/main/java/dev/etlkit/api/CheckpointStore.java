package dev.etlkit.api;

import java.util.List;
import java.util.Optional;

/**
 * Keeps the checkpoints of runs so that they can be resumed.
 *
 * <p>The engine calls {@link #appendLog} for every batch that all sinks have committed and then
 * {@link #save} with a checkpoint that counts those entries, from one thread per run (not the writer's);
 * with a checkpoint interval several batches' appends may come before one save. It calls {@link #save}
 * once more with the final status. An appended entry needs to be durable only once the save that
 * counts it returns, so a store may buffer appends until then. {@code save}
 * replaces the run's checkpoint atomically: a reader sees the old one or the new one, never a mix.
 * Logs are append-only lists of opaque entries (transformer state deltas, rejected records) so that a
 * large state is never rewritten at each checkpoint; {@link Checkpoint#logLengths()} tells how many
 * entries of each log are committed.
 *
 * <p>Throw {@link RetriableException} for a transient fault (the engine retries) and
 * {@link EtlException} for anything else; a corrupt checkpoint is an {@code EtlException} naming where
 * it is. Providers are registered in {@code META-INF/services/dev.etlkit.api.CheckpointStoreProvider}.
 */
public interface CheckpointStore extends AutoCloseable {

  /** Saves (replaces) the run's checkpoint. */
  void save(Checkpoint checkpoint);

  /** The run's checkpoint, or empty when there is none. */
  Optional<Checkpoint> load(String runId);

  /** Appends one entry to one of the run's logs. */
  void appendLog(String runId, String log, byte[] entry);

  /** The first {@code count} entries of one of the run's logs, oldest first. */
  List<byte[]> readLog(String runId, String log, int count);

  /** The checkpoints of every known run. */
  List<Checkpoint> list();

  /** Removes a run's checkpoint and logs; nothing happens when there is none. */
  void delete(String runId);

  /**
   * Claims the run for this process until the lock is closed, so that two processes never run one run
   * id at once (a resume started while the run is still going would spoil both); throws
   * {@link ConfigException} naming the run when another holds it. A process that dies lets go of it.
   * By default nothing is locked; a store that wraps another passes this on.
   */
  default RunLock lock(String runId) {
    return () -> { };
  }

  /** A claim on a run, from {@link #lock}. */
  interface RunLock extends AutoCloseable {
    /** Lets go of the run. */
    @Override
    void close();
  }

  /** Releases connections. */
  @Override
  default void close() {
  }
}
