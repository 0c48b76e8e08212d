package dev.etlkit.internal;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.CheckpointStore;
import java.util.List;
import java.util.Optional;

/** The store of a pipeline built with {@code noCheckpoints()}: keeps nothing, so runs cannot be resumed. */
public final class NoCheckpoints implements CheckpointStore {

  /** The one instance. */
  public static final NoCheckpoints INSTANCE = new NoCheckpoints();

  private NoCheckpoints() {
  }

  @Override
  public void save(Checkpoint checkpoint) {
  }

  @Override
  public Optional<Checkpoint> load(String runId) {
    return Optional.empty();
  }

  @Override
  public void appendLog(String runId, String log, byte[] entry) {
  }

  @Override
  public List<byte[]> readLog(String runId, String log, int count) {
    if (count > 0) {
      throw new IllegalStateException("no checkpoints are kept");
    }
    return List.of();
  }

  @Override
  public List<Checkpoint> list() {
    return List.of();
  }

  @Override
  public void delete(String runId) {
  }

  @Override
  public String toString() {
    return "no checkpoints";
  }
}
