package dev.etlkit.config;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.checkpoint.FileCheckpointStore;
import dev.etlkit.internal.PluginRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Checks a config's structure, then makes every plugin once through the registry so that unknown types,
 * bad options and unreadable inputs are found before any data moves. Problems are collected, never
 * thrown, so that one pass reports them all.
 */
final class ConfigChecks {

  static final List<String> FIELDS = List.of("name", "description", "sources", "transformations", "outputs",
      "batchSize", "maxRetries", "retryDelay", "workers", "checkpoints", "errors");
  private static final List<String> SWITCHES = List.of("validation", "deduplication", "enrichment", "normalization");
  private static final List<String> ERROR_FIELDS = List.of("failFast", "maxErrors", "maxErrorRate", "deadLetter");
  private static final List<String> FILE_OUTPUTS = List.of("csv", "json");

  private final Map<String, Object> root;
  private final Fields top;
  private final List<String> problems;
  private final Path baseDir;
  private final UnaryOperator<@Nullable String> environment;
  private final PluginRegistry registry;
  private final @Nullable Profile profile;
  private Secrets secrets;
  /** The paths of database outputs whose URL is the DATABASE_URL variable's, not an option of theirs. */
  private final Set<String> urlFromEnvironment = new HashSet<>();

  ConfigChecks(Map<String, Object> root, List<String> problems, Path baseDir, UnaryOperator<@Nullable String> environment,
      PluginRegistry registry, @Nullable Profile profile) {
    this.root = root;
    this.top = new Fields(root, "", problems);
    this.problems = problems;
    this.baseDir = baseDir;
    this.environment = environment;
    this.registry = registry;
    this.profile = profile;
    this.secrets = Secrets.none();
  }

  PipelineConfig check(String defaultName, Secrets found) {
    secrets = found;
    top.onlyKnown(FIELDS);
    String name = top.has("name") ? top.string("name") : defaultName;
    List<PluginConfig> sources = plugins("sources", "source");
    List<PluginConfig> outputs = withDefaults(plugins("outputs", "output"));
    Switches switches = null;
    List<PluginConfig> steps = List.of();
    Object transformations = root.get("transformations");
    if (transformations instanceof Map) {
      switches = switches();
    } else if (transformations instanceof List) {
      steps = plugins("transformations", "step");
    } else if (transformations != null) {
      top.problem("transformations", "must be an object of true/false switches or an array of steps, was "
          + Fields.describe(transformations));
    }
    int batchSize = top.count("batchSize", 1, 1_000);
    int maxRetries = top.count("maxRetries", 0, 3);
    Duration retryDelay = top.duration("retryDelay", Duration.ofMillis(200));
    int workers = top.count("workers", 1, 0);
    PluginConfig checkpoints = checkpoints();
    ErrorOptions errors = errors(outputs);

    sources.forEach(s -> attempt(s.path(), () -> registry.source(s), () -> registry.checkSourceOptions(s)));
    if (switches != null) {
      checkProfile(switches);
    }
    steps.forEach(s -> attempt(s.path(), () -> registry.transformer(s), () -> registry.checkTransformerOptions(s)));
    outputs.forEach(o -> {
      int before = problems.size();
      attempt(o.path(), () -> registry.sink(o), () -> registry.checkSinkOptions(o));
      if (urlFromEnvironment.contains(o.path())) {
        // the config has no "url" to point at: the problem is the variable's
        String url = o.path() + ".url: ";
        for (int i = before; i < problems.size(); i++) {
          if (problems.get(i).startsWith(url)) {
            problems.set(i, o.path() + ": DATABASE_URL: " + problems.get(i).substring(url.length()));
          }
        }
      }
    });

    Object masked = Interpolation.masked(root, "", false);
    String redacted = secrets.redact(ConfigJson.write(masked));
    return new PipelineConfig(name == null ? defaultName : name, sources, switches, steps, outputs, batchSize,
        maxRetries, retryDelay, workers, checkpoints, errors, secrets, redacted, profile, registry, baseDir);
  }

  private List<PluginConfig> plugins(String field, String kind) {
    Object value = root.get(field);
    if (value == null) {
      if (!field.equals("transformations")) {
        top.problem(field, "required");
      }
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      top.problem(field, "must be an array of " + kind + "s, was " + Fields.describe(value));
      return List.of();
    }
    if (items.isEmpty() && !field.equals("transformations")) {
      top.problem(field, "must list at least one " + kind);
    }
    List<PluginConfig> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = field + "[" + i + "]";
      if (items.get(i) instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) m;
        out.add(new PluginConfig(path, options, baseDir, this::redact));
      } else {
        problems.add(path + ": must be an object with a \"type\", was " + Fields.describe(items.get(i)));
      }
    }
    return out;
  }

  /** Masks every secret found by the end of the checks, whenever it is called. */
  private String redact(String text) {
    return secrets.redact(text);
  }

  private List<PluginConfig> withDefaults(List<PluginConfig> outputs) {
    List<PluginConfig> out = new ArrayList<>(outputs.size());
    for (PluginConfig o : outputs) {
      Map<String, Object> options = new LinkedHashMap<>(o.options());
      String type = o.options().get("type") instanceof String s ? s.toLowerCase(Locale.ROOT) : "";
      // the seed's outputs carry an optional "format" that restates the type ("csv" on a csv output)
      if (options.get("format") instanceof String format && format.strip().equalsIgnoreCase(type)) {
        options.remove("format");
      }
      if (profile != null) {
        profile.outputDefaults(type).forEach(options::putIfAbsent);
      }
      if (DatabaseUrl.isDatabase(o) && !options.containsKey("url")) {
        String url = DatabaseUrl.fromEnvironment(environment, o.path(), problems);
        if (url != null) {
          options.put("url", url);
          urlFromEnvironment.add(o.path());
          secrets = secrets.andPasswordsIn(url);
        }
      }
      out.add(new PluginConfig(o.path(), options, o.baseDir(), this::redact));
    }
    return out;
  }

  private Switches switches() {
    @SuppressWarnings("unchecked")
    Fields t = new Fields((Map<String, Object>) root.get("transformations"), "transformations", problems);
    t.onlyKnown(SWITCHES);
    return new Switches(t.bool("normalization", false), t.bool("validation", false), t.bool("enrichment", false),
        t.bool("deduplication", false));
  }

  private void checkProfile(Switches switches) {
    if (switches.equals(Switches.NONE)) {
      return;
    }
    if (profile == null) {
      problems.add("transformations: true/false switches need a profile that says what each one does;"
          + " list the steps instead, as in [{\"type\": \"normalize\", ...}]");
      return;
    }
    attempt("transformations", () -> profile.transformers(switches));
  }

  private PluginConfig checkpoints() {
    PluginConfig config = checkpointConfig();
    attempt("checkpoints", () -> {
      registry.checkCheckpointStore(config);
      return null;
    });
    return config;
  }

  private PluginConfig checkpointConfig() {
    Object value = root.get("checkpoints");
    if (value == null) {
      String redis = environment.apply("REDIS_URL");
      if (redis != null && !redis.isBlank()) {
        secrets = secrets.andPasswordsIn(redis);
        if (!registry.checkpointStoreTypes().contains("redis")) {
          problems.add("REDIS_URL is set, but the redis checkpoint store (etl-redis) is not on the class path;"
              + " add it or unset REDIS_URL");
        }
        return new PluginConfig("checkpoints", Map.of("type", "redis", "url", redis), baseDir);
      }
      return new PluginConfig("checkpoints", Map.of("type", "file", "directory",
          FileCheckpointStore.DEFAULT_DIRECTORY.toString()), baseDir);
    }
    if (!(value instanceof Map<?, ?> m)) {
      top.problem("checkpoints", "must be an object such as {\"type\": \"file\"}, was " + Fields.describe(value));
      return new PluginConfig("checkpoints", Map.of("type", "file"), baseDir);
    }
    @SuppressWarnings("unchecked")
    PluginConfig config = new PluginConfig("checkpoints", (Map<String, Object>) m, baseDir);
    Object type = config.options().get("type");
    if (type == null) {
      problems.add("checkpoints.type: required; known types: " + String.join(", ", registry.checkpointStoreTypes()));
    } else if (!registry.checkpointStoreTypes().contains(String.valueOf(type))) {
      problems.add("checkpoints.type: unknown checkpoint store type '" + type + "'; known types: "
          + String.join(", ", registry.checkpointStoreTypes()));
    }
    return config;
  }

  private ErrorOptions errors(List<PluginConfig> outputs) {
    Object value = root.get("errors");
    Map<String, Object> section = Map.of();
    if (value instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> cast = (Map<String, Object>) m;
      section = cast;
    } else if (value != null) {
      top.problem("errors", "must be an object, was " + Fields.describe(value));
    }
    Fields f = new Fields(section, "errors", problems);
    f.onlyKnown(ERROR_FIELDS);
    String deadLetter = defaultDeadLetter(outputs);
    Object dl = section.get("deadLetter");
    if (Boolean.FALSE.equals(dl)) {
      deadLetter = null;
    } else if (dl != null) {
      deadLetter = dl instanceof String s && !s.isBlank() ? s : null;
      if (deadLetter == null) {
        f.problem("deadLetter", "must be a file path or false, was " + Fields.describe(dl));
      } else if (!registry.sinkTypes().contains("json")) {
        f.problem("deadLetter", "needs the json sink (etl-sinks) on the class path");
      }
    } else if (!registry.sinkTypes().contains("json")) {
      deadLetter = null;
    }
    return new ErrorOptions(f.bool("failFast", false), f.whole("maxErrors", 0, Long.MAX_VALUE),
        f.number("maxErrorRate", 0, 1, 1.0), deadLetter);
  }

  /** Next to the first file output, else under {@code output/}. */
  private static String defaultDeadLetter(List<PluginConfig> outputs) {
    for (PluginConfig o : outputs) {
      Object type = o.options().get("type");
      if (type instanceof String t && FILE_OUTPUTS.contains(t) && o.options().get("destination") instanceof String d) {
        Path parent = Path.of(d).getParent();
        return (parent == null ? "" : parent + "/") + "rejected-" + DeadLetterSink.RUN_ID + ".ndjson";
      }
    }
    return "output/rejected-" + DeadLetterSink.RUN_ID + ".ndjson";
  }

  // Plugins hold nothing until they are opened, so the ones made here are simply dropped. An entry that
  // already has a problem (an unset variable, a missing DATABASE_URL) is not made: the provider would
  // only report the same thing again, less clearly. Its options are still checked against what the
  // provider declares, so that an unknown or mistyped option shows up in the same go.
  private void attempt(String path, Supplier<?> make) {
    attempt(path, make, null);
  }

  private void attempt(String path, Supplier<?> make, @Nullable Runnable checkOptions) {
    boolean hasProblem = problems.stream()
        .anyMatch(p -> p.startsWith(path + ":") || p.startsWith(path + ".") || p.startsWith(path + "["));
    try {
      if (!hasProblem) {
        make.get();
      } else if (checkOptions != null) {
        checkOptions.run();
      }
    } catch (ConfigException e) {
      e.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
    } catch (Exception e) {
      problems.add(path + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }
}
