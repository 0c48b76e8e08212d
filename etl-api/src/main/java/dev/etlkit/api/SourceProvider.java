package dev.etlkit.api;

import java.util.List;

/**
 * Makes a source of one type from config. Found with {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/dev.etlkit.api.SourceProvider}. It needs a public
 * no-argument constructor; one instance serves the whole JVM, so keep it stateless.
 */
public interface SourceProvider {

  /** The type name used in config ({@code "type": "csv"}); unique among source providers. */
  String type();

  /** Other names for the same type, e.g. {@code "postgres"} for {@code "database"}. */
  default List<String> aliases() {
    return List.of();
  }

  /**
   * The options this type accepts, checked before {@link #create} is called; an empty list turns the
   * check off. The registry always accepts {@code "type"} itself.
   */
  default List<OptionSpec> options() {
    return List.of();
  }

  /**
   * Makes a source from its options. Check everything that can be checked without touching any
   * output (a source's input file exists and is readable) and throw {@link ConfigException} naming the
   * option; do not open connections or create files here.
   */
  Source<Record> create(PluginConfig config);
}
