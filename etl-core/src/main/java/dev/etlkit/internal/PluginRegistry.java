package dev.etlkit.internal;

import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.CheckpointStoreProvider;
import dev.etlkit.api.ConfigException;
import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkProvider;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceProvider;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.TransformerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every plugin provider found with {@link ServiceLoader}, by type name. The only place that uses
 * {@code ServiceLoader}. Two providers of one kind claiming the same name (or alias) is an error naming
 * both classes; an unknown name lists the known ones; options are checked against what the provider
 * declares before it is asked to create anything.
 */
public final class PluginRegistry {

  private final Map<String, SourceProvider> sources;
  private final Map<String, TransformerProvider> transformers;
  private final Map<String, SinkProvider> sinks;
  private final Map<String, CheckpointStoreProvider> stores;
  private final ClassLoader loader;

  private PluginRegistry(ClassLoader loader) {
    this.loader = loader;
    sources = index("source", ServiceLoader.load(SourceProvider.class, loader), SourceProvider::type, SourceProvider::aliases);
    transformers = index("transformer", ServiceLoader.load(TransformerProvider.class, loader), TransformerProvider::type, TransformerProvider::aliases);
    sinks = index("sink", ServiceLoader.load(SinkProvider.class, loader), SinkProvider::type, SinkProvider::aliases);
    stores = index("checkpoint store", ServiceLoader.load(CheckpointStoreProvider.class, loader), CheckpointStoreProvider::type, p -> List.of());
  }

  /** The providers visible to the context class loader (or this class's loader when there is none). */
  public static PluginRegistry load() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return new PluginRegistry(cl != null ? cl : PluginRegistry.class.getClassLoader());
  }

  /** The providers visible to {@code loader}. */
  public static PluginRegistry load(ClassLoader loader) {
    return new PluginRegistry(loader);
  }

  public List<String> sourceTypes() {
    return List.copyOf(sources.keySet());
  }

  public List<String> transformerTypes() {
    return List.copyOf(transformers.keySet());
  }

  public List<String> sinkTypes() {
    return List.copyOf(sinks.keySet());
  }

  public List<String> checkpointStoreTypes() {
    return List.copyOf(stores.keySet());
  }

  /** Makes a source of the config's {@code type}. */
  public Source<Record> source(PluginConfig config) {
    SourceProvider p = find("source", sources, config);
    checkOptions(config, p.options());
    return create("source", config, () -> p.create(config));
  }

  /** Makes a transformer of the config's {@code type}. */
  public Transformer<Record, Record> transformer(PluginConfig config) {
    TransformerProvider p = find("transformer", transformers, config);
    checkOptions(config, p.options());
    return create("transformer", config, () -> p.create(config));
  }

  /** Makes a sink of the config's {@code type}. */
  public Sink<Record> sink(PluginConfig config) {
    SinkProvider p = find("sink", sinks, config);
    checkOptions(config, p.options());
    return create("sink", config, () -> p.create(config));
  }

  /** Makes a checkpoint store of the config's {@code type}. */
  public CheckpointStore checkpointStore(PluginConfig config) {
    CheckpointStoreProvider p = find("checkpoint store", stores, config);
    checkOptions(config, p.options());
    return create("checkpoint store", config, () -> p.create(config));
  }

  /**
   * A plugin whose jar lacks a class it needs fails here: a config problem, not a stack trace. The
   * provider runs with the plugins' class loader as the context one, so that a class a config names
   * (a validate step's bean class) is looked up where the plugins are.
   */
  private <T> T create(String kind, PluginConfig config, Supplier<T> create) {
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return create.get();
    } catch (LinkageError e) {
      throw config.problem("type", "the " + kind + " type '" + config.string("type") + "' cannot be created: " + e
          + " (is a jar it needs missing from the class path?)");
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  /** Checks a source config's type and options against the provider's declarations, without making it. */
  public void checkSourceOptions(PluginConfig config) {
    checkOptions(config, find("source", sources, config).options());
  }

  /** Checks a transformer config's type and options against the provider's declarations, without making it. */
  public void checkTransformerOptions(PluginConfig config) {
    checkOptions(config, find("transformer", transformers, config).options());
  }

  /** Checks a sink config's type and options against the provider's declarations, without making it. */
  public void checkSinkOptions(PluginConfig config) {
    checkOptions(config, find("sink", sinks, config).options());
  }

  /** Checks a checkpoint store's config, options and all, without making it (which may connect). */
  public void checkCheckpointStore(PluginConfig config) {
    CheckpointStoreProvider p = find("checkpoint store", stores, config);
    checkOptions(config, p.options());
    p.check(config);
  }

  private static <P> P find(String kind, Map<String, P> providers, PluginConfig config) {
    String type = config.string("type");
    if (type == null || type.isBlank()) {
      throw config.problem("type", "required; known " + kind + " types: " + String.join(", ", providers.keySet()));
    }
    P p = providers.get(type);
    if (p == null) {
      throw config.problem("type", "unknown " + kind + " type '" + type + "'; known types: "
          + (providers.isEmpty() ? "none (is the plugin's jar on the class path?)" : String.join(", ", providers.keySet())));
    }
    return p;
  }

  /** Checks the options against their declarations and reports every problem at once. */
  static void checkOptions(PluginConfig config, List<OptionSpec> specs) {
    if (specs.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    Map<String, OptionSpec> byName = new TreeMap<>();
    specs.forEach(s -> byName.put(s.name(), s));
    for (Map.Entry<String, Object> e : config.options().entrySet()) {
      String name = e.getKey();
      if (name.equals("type")) {
        continue;
      }
      OptionSpec spec = byName.get(name);
      if (spec == null) {
        problems.add(config.path() + "." + name + ": unknown option; known options: " + String.join(", ", byName.keySet()));
      } else if (e.getValue() != null && !spec.type().accepts(e.getValue())) {
        problems.add(config.path() + "." + name + ": must be " + spec.type().article() + ", was " + describe(e.getValue()));
      }
    }
    for (OptionSpec spec : specs) {
      if (spec.required() && config.options().get(spec.name()) == null) {
        problems.add(config.path() + "." + spec.name() + ": required");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private static String describe(Object v) {
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  private static <P> Map<String, P> index(String kind, ServiceLoader<P> loader, Function<P, String> type, Function<P, List<String>> aliases) {
    Map<String, P> byName = new TreeMap<>();
    try {
      for (P provider : loader) {
        List<String> names = new ArrayList<>();
        names.add(type.apply(provider));
        names.addAll(aliases.apply(provider));
        for (String name : names) {
          P previous = byName.putIfAbsent(name, provider);
          if (previous != null && previous.getClass() != provider.getClass()) {
            throw new ConfigException("two " + kind + " providers claim the type '" + name + "': "
                + previous.getClass().getName() + " and " + provider.getClass().getName());
          }
        }
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      // a services file naming a class that is not there, or a provider that cannot be loaded
      throw new ConfigException("cannot load the " + kind + " plugins: " + e.getMessage()
          + " (a plugin jar on the class path is broken or incomplete)");
    }
    return byName;
  }
}
