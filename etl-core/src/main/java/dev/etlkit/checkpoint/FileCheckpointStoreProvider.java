package dev.etlkit.checkpoint;

import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.CheckpointStoreProvider;
import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.PluginConfig;
import java.util.List;

/** The "file" checkpoint store; option {@code directory}, default {@code .etl/checkpoints}. */
public final class FileCheckpointStoreProvider implements CheckpointStoreProvider {

  @Override
  public String type() {
    return "file";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(OptionSpec.optional("directory", OptionSpec.Type.STRING, FileCheckpointStore.DEFAULT_DIRECTORY.toString(),
        "where the checkpoint files go, relative to the working directory"));
  }

  @Override
  public CheckpointStore create(PluginConfig config) {
    String dir = config.string("directory");
    return FileCheckpointStore.in(dir == null ? config.resolve(FileCheckpointStore.DEFAULT_DIRECTORY.toString()) : config.resolve(dir));
  }
}
