package dev.etlkit.checkpoint;

import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.CheckpointStoreProvider;
import dev.etlkit.api.PluginConfig;

/** The "file" checkpoint store; option {@code directory}, default {@code .etl/checkpoints}. */
public final class FileCheckpointStoreProvider implements CheckpointStoreProvider {

  @Override
  public String type() {
    return "file";
  }

  @Override
  public CheckpointStore create(PluginConfig config) {
    String dir = config.string("directory");
    return FileCheckpointStore.in(dir == null ? config.resolve(FileCheckpointStore.DEFAULT_DIRECTORY.toString()) : config.resolve(dir));
  }
}
