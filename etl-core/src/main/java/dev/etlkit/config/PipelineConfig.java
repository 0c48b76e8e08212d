package dev.etlkit.config;

import dev.etlkit.ErrorPolicy;
import dev.etlkit.Pipeline;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Retry;
import dev.etlkit.api.Transformer;
import dev.etlkit.internal.PluginRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A checked pipeline config: the seed's JSON format, or the general form whose {@code transformations}
 * is an ordered list of {@code {"type": ..., options}} steps. Every plugin type was found and its options
 * checked when the config was read, so {@link #toBuilder()} only assembles.
 *
 * <pre>{@code
 * {
 *   "sources": [{"type": "csv", "path": "./data/employees.csv"},
 *               {"type": "api", "url": "https://api.example.com/users",
 *                "headers": {"Authorization": "Bearer ${API_KEY}"}}],
 *   "transformations": [{"type": "normalize", "fields": {"email": ["trim", "lowerCase"]}}],
 *   "outputs": [{"type": "json", "destination": "./output/employees.json"}],
 *   "batchSize": 1000,
 *   "maxRetries": 3
 * }
 * }</pre>
 *
 * <pre>{@code
 * PipelineConfig config = PipelineConfig.read(Path.of("config/etl.json"));
 * PipelineResult result = config.toBuilder().build().run();
 * }</pre>
 */
public final class PipelineConfig {

  private final String name;
  private final List<PluginConfig> sources;
  private final @Nullable Switches switches;
  private final List<PluginConfig> steps;
  private final List<PluginConfig> outputs;
  private final int batchSize;
  private final int maxRetries;
  private final Duration retryDelay;
  private final int workers;
  private final PluginConfig checkpoints;
  private final ErrorOptions errors;
  private final Secrets secrets;
  private final String redacted;
  private final @Nullable Profile profile;
  private final PluginRegistry registry;
  private final Path baseDir;

  PipelineConfig(String name, List<PluginConfig> sources, @Nullable Switches switches, List<PluginConfig> steps,
      List<PluginConfig> outputs, int batchSize, int maxRetries, Duration retryDelay, int workers,
      PluginConfig checkpoints, ErrorOptions errors, Secrets secrets, String redacted, @Nullable Profile profile,
      PluginRegistry registry, Path baseDir) {
    this.name = name;
    this.sources = List.copyOf(sources);
    this.switches = switches;
    this.steps = List.copyOf(steps);
    this.outputs = List.copyOf(outputs);
    this.batchSize = batchSize;
    this.maxRetries = maxRetries;
    this.retryDelay = retryDelay;
    this.workers = workers;
    this.checkpoints = checkpoints;
    this.errors = errors;
    this.secrets = secrets;
    this.redacted = redacted;
    this.profile = profile;
    this.registry = registry;
    this.baseDir = baseDir;
  }

  /**
   * Reads a config file with the defaults of {@link #reader()}.
   *
   * @throws dev.etlkit.api.ConfigException listing every problem, one per line, with its JSON path
   */
  public static PipelineConfig read(Path file) {
    return reader().read(file);
  }

  /** A reader, to set the environment, the base directory, the plugins' class loader or a {@link Profile}. */
  public static ConfigReader reader() {
    return new ConfigReader();
  }

  /** The pipeline's name: the config's {@code name}, or the file's name without extension. */
  public String name() {
    return name;
  }

  /** The sources' options, in config order. */
  public List<PluginConfig> sources() {
    return sources;
  }

  /** The outputs' options, in config order, with the profile's defaults filled in. */
  public List<PluginConfig> outputs() {
    return outputs;
  }

  /** The seed's transformation switches; empty when the config lists steps or has no transformations. */
  public Optional<Switches> switches() {
    return Optional.ofNullable(switches);
  }

  /** The transformation steps' options, when the config lists steps. */
  public List<PluginConfig> steps() {
    return steps;
  }

  /** Records per batch (default 1,000). */
  public int batchSize() {
    return batchSize;
  }

  /** How often a failed call is retried (default 3): at most {@code maxRetries + 1} attempts. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The retry policy: {@code maxRetries} retries, exponential backoff from {@code retryDelay} (default 200 ms). */
  public Retry retry() {
    return Retry.exponential(maxRetries, retryDelay);
  }

  /** The checkpoint store's options: the config's, else Redis when {@code REDIS_URL} is set, else files. */
  public PluginConfig checkpoints() {
    return checkpoints;
  }

  /** The {@code errors} section, with its defaults. */
  public ErrorOptions errors() {
    return errors;
  }

  /** Where the rejected records of run {@code runId} are written, if anywhere. */
  public Optional<Path> deadLetter(String runId) {
    return errors.deadLetter() == null ? Optional.empty()
        : Optional.of(resolve(errors.deadLetter().replace(DeadLetterSink.RUN_ID, runId)));
  }

  /** The secret values of the config, to mask them in anything printed, logged or reported. */
  public Secrets secrets() {
    return secrets;
  }

  /** The config as compact JSON with every secret masked: safe to log. */
  public String redacted() {
    return redacted;
  }

  /**
   * A builder with the config's sources, transformers, outputs, batch size, retry policy, error policy
   * and checkpoint store, each plugin made anew; add listeners or change settings before building.
   * Connects to the checkpoint store when it is remote.
   *
   * <p>Database outputs come first among the sinks, the others in config order: a later sink gets only
   * what the earlier ones took, so a row the database rejects (one breaking a unique constraint) is
   * rejected alone and written to no file either.
   */
  public Pipeline.Builder toBuilder() {
    Pipeline.Builder b = Pipeline.builder(name);
    sources.forEach(s -> b.source(registry.source(s)));
    transformers().forEach(b::transform);
    outputs.stream().filter(DatabaseUrl::isDatabase).forEach(o -> b.sink(registry.sink(o)));
    outputs.stream().filter(o -> !DatabaseUrl.isDatabase(o)).forEach(o -> b.sink(registry.sink(o)));
    b.batchSize(batchSize).retry(retry()).onError(errorPolicy());
    if (workers > 0) {
      b.workers(workers);
    }
    return b.checkpoints(registry.checkpointStore(checkpoints));
  }

  List<Transformer<Record, Record>> transformers() {
    List<Transformer<Record, Record>> all = new ArrayList<>();
    if (switches != null && profile != null) {
      all.addAll(profile.transformers(switches));
    }
    steps.forEach(s -> all.add(registry.transformer(s)));
    return all;
  }

  /** The error policy of the {@code errors} section, with its dead-letter file; a new one each call. */
  public ErrorPolicy errorPolicy() {
    ErrorPolicy policy = errors.failFast() ? ErrorPolicy.failFast() : ErrorPolicy.skip();
    policy = policy.maxErrors(errors.maxErrors()).maxErrorRate(errors.maxErrorRate());
    if (errors.deadLetter() != null) {
      policy = policy.deadLetter(new DeadLetterSink(errors.deadLetter(), baseDir, registry));
    }
    return policy;
  }

  private Path resolve(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
  }

  @Override
  public String toString() {
    return "PipelineConfig " + name + " " + redacted;
  }
}
