package dev.etlkit.testkit;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.CheckpointStore;
import java.util.List;
import java.util.Optional;

/** The run's checkpoint store, with the {@link CrashTrigger} told before each save. */
final class CrashCheckpoints implements CheckpointStore {

  private final CheckpointStore store;
  private final CrashTrigger trigger;

  CrashCheckpoints(CheckpointStore store, CrashTrigger trigger) {
    this.store = store;
    this.trigger = trigger;
  }

  @Override
  public void save(Checkpoint checkpoint) {
    trigger.beforeSave(checkpoint);
    store.save(checkpoint);
    trigger.afterSave(checkpoint);
  }

  @Override
  public Optional<Checkpoint> load(String runId) {
    return store.load(runId);
  }

  @Override
  public void appendLog(String runId, String log, byte[] entry) {
    store.appendLog(runId, log, entry);
  }

  @Override
  public List<byte[]> readLog(String runId, String log, int count) {
    return store.readLog(runId, log, count);
  }

  @Override
  public List<Checkpoint> list() {
    return store.list();
  }

  @Override
  public void delete(String runId) {
    store.delete(runId);
  }

  @Override
  public RunLock lock(String runId) {
    return store.lock(runId);
  }

  @Override
  public void close() {
    store.close();
  }

  @Override
  public String toString() {
    return store.toString();
  }
}
