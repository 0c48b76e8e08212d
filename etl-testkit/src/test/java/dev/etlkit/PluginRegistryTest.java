package dev.etlkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceProvider;
import dev.etlkit.internal.PluginRegistry;
import dev.etlkit.testkit.ListSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

  /** A test-only provider, registered in this module's test META-INF/services. */
  public static final class MemorySourceProvider implements SourceProvider {
    @Override
    public String type() {
      return "memory";
    }

    @Override
    public List<OptionSpec> options() {
      return List.of(OptionSpec.required("count", OptionSpec.Type.INTEGER, "how many records"),
          OptionSpec.optional("name", OptionSpec.Type.STRING, "memory", "the source's name"));
    }

    @Override
    public Source<Record> create(PluginConfig config) {
      return ListSource.generate(config.string("name", "memory"), config.longValue("count", 0), i -> Record.of("id", i));
    }
  }

  /** A second provider claiming the same name, only visible through a dedicated class loader. */
  public static final class ImpostorProvider implements SourceProvider {
    @Override
    public String type() {
      return "memory";
    }

    @Override
    public Source<Record> create(PluginConfig config) {
      throw new UnsupportedOperationException();
    }
  }

  private static PluginConfig config(Map<String, ?> options) {
    return new PluginConfig("sources[0]", options, Path.of(""));
  }

  @Test
  void findsAProviderRegisteredWithServiceLoader() {
    Source<Record> source = PluginRegistry.load().source(config(Map.of("type", "memory", "count", 3, "name", "m")));
    assertThat(source.name()).isEqualTo("m");
  }

  @Test
  void namesTheKnownTypesWhenATypeIsUnknown() {
    assertThatThrownBy(() -> PluginRegistry.load().source(config(Map.of("type", "xml"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("sources[0].type: unknown source type 'xml'; known types: ")
        .hasMessageContaining("memory");
  }

  @Test
  void reportsEveryOptionProblemAtOnce() {
    Map<String, Object> options = new java.util.LinkedHashMap<>();
    options.put("type", "memory");
    options.put("name", List.of());
    options.put("cuont", 3);
    assertThatThrownBy(() -> PluginRegistry.load().source(config(options)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(String.join(System.lineSeparator(),
            "sources[0].name: must be a string, was []",
            "sources[0].cuont: unknown option; known options: count, name",
            "sources[0].count: required"));
  }

  @Test
  void refusesTwoProvidersClaimingOneTypeAndNamesBoth(@TempDir Path dir) throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(SourceProvider.class.getName()), ImpostorProvider.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      assertThatThrownBy(() -> PluginRegistry.load(loader))
          .isInstanceOf(ConfigException.class)
          .hasMessage("two source providers claim the type 'memory': " + MemorySourceProvider.class.getName()
              + " and " + ImpostorProvider.class.getName());
    }
  }

  /** A provider whose jar lacks a class it needs: the JVM says so when the missing class is first used. */
  public static final class IncompleteProvider implements SourceProvider {
    @Override
    public String type() {
      return "incomplete";
    }

    @Override
    public Source<Record> create(PluginConfig config) {
      throw new NoClassDefFoundError("com/acme/etl/Missing");
    }
  }

  @Test
  void aServicesFileNamingAMissingClassIsAConfigProblem(@TempDir Path dir) throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(SourceProvider.class.getName()), "com.acme.etl.CounterSourceProvidr\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      assertThatThrownBy(() -> PluginRegistry.load(loader))
          .isInstanceOf(ConfigException.class)
          .hasMessage("cannot load the source plugins: dev.etlkit.api.SourceProvider: Provider "
              + "com.acme.etl.CounterSourceProvidr not found (a plugin jar on the class path is broken or incomplete)");
    }
  }

  @Test
  void aPluginMissingAClassItNeedsIsAConfigProblemNamingIt(@TempDir Path dir) throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(SourceProvider.class.getName()), IncompleteProvider.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      PluginRegistry registry = PluginRegistry.load(loader);
      assertThatThrownBy(() -> registry.source(config(Map.of("type", "incomplete"))))
          .isInstanceOf(ConfigException.class)
          .hasMessage("sources[0].type: the source type 'incomplete' cannot be created: "
              + "java.lang.NoClassDefFoundError: com/acme/etl/Missing (is a jar it needs missing from the class path?)");
    }
  }

  @Test
  void checksTheOptionsOfACheckpointStore() {
    assertThatThrownBy(() -> PluginRegistry.load().checkpointStore(
        new PluginConfig("checkpoints", Map.of("type", "file", "dir", "x"), Path.of(""))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("checkpoints.dir: unknown option; known options: directory");
  }
}
