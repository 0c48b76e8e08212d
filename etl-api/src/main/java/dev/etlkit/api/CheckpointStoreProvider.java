package dev.etlkit.api;

/**
 * Makes a {@link CheckpointStore} of one type ("file", "redis") from config. Registered in
 * {@code META-INF/services/dev.etlkit.api.CheckpointStoreProvider}; needs a public no-argument
 * constructor.
 */
public interface CheckpointStoreProvider {

  /** The type name; unique among checkpoint store providers. */
  String type();

  /** Makes the store. Connections may be opened lazily, on first use. */
  CheckpointStore create(PluginConfig config);
}
