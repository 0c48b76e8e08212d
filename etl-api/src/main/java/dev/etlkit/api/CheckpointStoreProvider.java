package dev.etlkit.api;

/**
 * Makes a {@link CheckpointStore} of one type ("file", "redis") from config. Registered in
 * {@code META-INF/services/dev.etlkit.api.CheckpointStoreProvider}; needs a public no-argument
 * constructor.
 */
public interface CheckpointStoreProvider {

  /** The type name; unique among checkpoint store providers. */
  String type();

  /**
   * The options this store accepts, checked before {@link #create} is called; an empty list turns the
   * check off. The registry always accepts {@code "type"} itself.
   */
  default java.util.List<OptionSpec> options() {
    return java.util.List.of();
  }

  /** Makes the store. Connections may be opened lazily, on first use. */
  CheckpointStore create(PluginConfig config);

  /**
   * Checks the options as far as that can be done without connecting (a URL's form), throwing
   * {@link ConfigException}; a dry run calls it instead of {@link #create}. Does nothing by default.
   */
  default void check(PluginConfig config) {
  }
}
