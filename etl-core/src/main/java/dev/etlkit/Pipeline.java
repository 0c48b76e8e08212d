package dev.etlkit;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.ConfigException;
import dev.etlkit.api.Retry;
import dev.etlkit.api.RunStatus;
import dev.etlkit.api.Sink;
import dev.etlkit.api.Source;
import dev.etlkit.api.Transformer;
import dev.etlkit.checkpoint.FileCheckpointStore;
import dev.etlkit.config.PipelineConfig;
import dev.etlkit.internal.Definition;
import dev.etlkit.internal.NoCheckpoints;
import dev.etlkit.internal.Run;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A sequential extract → transform → load pipeline: sources read one after the other, transformers
 * applied in order, every sink receiving every batch. Immutable and reusable: each {@link #run()} is a
 * new run with its own id.
 *
 * <pre>{@code
 * PipelineResult result = Pipeline.builder("employees")
 *     .source(CsvSource.file(Path.of("data/employees.csv")).build())
 *     .transform(Validate.beans(Employee.class))
 *     .transform(Deduplicate.by("id"))
 *     .sink(CsvSink.file(Path.of("output/employees.csv")))
 *     .batchSize(1_000)
 *     .retry(Retry.exponential(3, Duration.ofMillis(200)))
 *     .onError(ErrorPolicy.skip().maxErrorRate(0.05))
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>A run streams: a reader thread fills batches, worker threads transform them (output order is
 * kept), and the calling thread writes each batch to every sink and then saves a checkpoint. Memory is
 * bounded by batch size × queue depth, not by input size.
 */
public final class Pipeline {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private final Definition definition;

  private Pipeline(Definition definition) {
    this.definition = definition;
  }

  /**
   * A pipeline from a JSON config file in the general form (sources, a list of transformation steps,
   * outputs). For the seed's form with four transformation switches, the environment or a base
   * directory, use {@link PipelineConfig#reader()}.
   *
   * @throws ConfigException listing every problem in the file, each with its JSON path
   */
  public static Pipeline fromConfig(Path file) {
    return PipelineConfig.read(file).toBuilder().build();
  }

  /** A builder for a pipeline with this name (used in logs, checkpoints and the fingerprint). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The pipeline's name. */
  public String name() {
    return definition.name();
  }

  /** A hash of the pipeline's definition; a checkpoint only resumes a pipeline with the same one. */
  public String fingerprint() {
    return definition.fingerprint();
  }

  /** Where this pipeline keeps its checkpoints: to list or remove old ones. */
  public CheckpointStore checkpoints() {
    return definition.checkpoints();
  }

  /** Runs the pipeline under a new run id. Never throws for bad data or failing plugins: see the result. */
  public PipelineResult run() {
    return run(newRunId());
  }

  /** Runs the pipeline under the given run id, which must not have a checkpoint yet. */
  public PipelineResult run(String runId) {
    checkRunId(runId);
    checkNew(runId);
    try (CheckpointStore.RunLock lock = definition.checkpoints().lock(runId)) {
      checkNew(runId); // again under the lock: another process may have started it in between
      return new Run(definition, runId, null).execute();
    }
  }

  private void checkNew(String runId) {
    if (definition.checkpoints().load(runId).isPresent()) {
      throw new ConfigException("run " + runId + " already has a checkpoint in " + definition.checkpoints()
          + "; resume it or choose another run id");
    }
  }

  /**
   * Continues a run from its last checkpoint: sources seek past the last committed item, sinks restore
   * their state, transformers their keys, counts go on. Resuming a run that already succeeded does
   * nothing and returns its result.
   *
   * @throws ConfigException when there is no checkpoint for the run, the pipeline changed since, or
   *     another process is running it
   */
  public PipelineResult resume(String runId) {
    checkRunId(runId);
    resumable(runId);
    try (CheckpointStore.RunLock lock = definition.checkpoints().lock(runId)) {
      // read again under the lock: the run may have gone on until the lock was free
      Checkpoint cp = resumable(runId);
      Run run = new Run(definition, runId, cp);
      return cp.status() == RunStatus.SUCCEEDED ? run.alreadySucceeded() : run.execute();
    }
  }

  private Checkpoint resumable(String runId) {
    Checkpoint cp = definition.checkpoints().load(runId).orElseThrow(() ->
        new ConfigException("no checkpoint for run " + runId + " in " + definition.checkpoints()));
    if (!cp.fingerprint().equals(definition.fingerprint())) {
      throw new ConfigException("run " + runId + " was made by a different pipeline definition (fingerprint "
          + cp.fingerprint() + ", now " + definition.fingerprint() + "); resuming it would mix outputs");
    }
    return cp;
  }

  /** A new run id: {@code etl-<epoch millis>-<random hex>}. */
  public static String newRunId() {
    return "etl-" + System.currentTimeMillis() + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  }

  private static void checkRunId(String runId) {
    if (!RUN_ID.matcher(Objects.requireNonNull(runId, "runId")).matches()) {
      throw new ConfigException("run id must be 1 to 128 letters, digits, '.', '_' or '-', was '" + runId + "'");
    }
  }

  /**
   * Collects the parts of a {@link Pipeline}. Setters reject bad arguments at once; {@link #build()}
   * checks what is missing. Defaults: batch size 1,000; workers = available processors − 1 (at least
   * 1), since the reader and the writer keep a core busy too; queue depth 2 × workers (at least 4);
   * 3 retries from 200 ms; {@link ErrorPolicy#skip()}; checkpoints in
   * {@code .etl/checkpoints}; the system clock.
   */
  public static final class Builder {
    private final String name;
    private final List<Source<Object>> sources = new ArrayList<>();
    private final List<Transformer<Object, Object>> transformers = new ArrayList<>();
    private final List<Sink<Object>> sinks = new ArrayList<>();
    private final List<PipelineListener> listeners = new ArrayList<>();
    private int batchSize = 1_000;
    private int workers = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    private int queueDepth;
    private Retry retry = Retry.exponential(3, Duration.ofMillis(200));
    private ErrorPolicy errorPolicy = ErrorPolicy.skip();
    private CheckpointStore checkpoints = FileCheckpointStore.in(FileCheckpointStore.DEFAULT_DIRECTORY);
    private Clock clock = Clock.systemDefaultZone();
    private Duration checkpointInterval = Duration.ofMillis(200);

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("pipeline name must not be blank");
      }
      this.name = name;
    }

    /** Adds a source; sources are read one after the other, in the order added. */
    @SuppressWarnings("unchecked")
    public Builder source(Source<?> source) {
      sources.add((Source<Object>) Objects.requireNonNull(source, "source"));
      return this;
    }

    /** Adds a transformer; transformers apply in the order added. */
    @SuppressWarnings("unchecked")
    public Builder transform(Transformer<?, ?> transformer) {
      transformers.add((Transformer<Object, Object>) Objects.requireNonNull(transformer, "transformer"));
      return this;
    }

    /** Adds a sink; every sink receives every batch, in the order added. */
    @SuppressWarnings("unchecked")
    public Builder sink(Sink<?> sink) {
      sinks.add((Sink<Object>) Objects.requireNonNull(sink, "sink"));
      return this;
    }

    /** Items per batch: the unit of writing and checkpointing. */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Threads that run the unordered transformers (default: available processors − 1, at least 1). On
     * two cores one worker is as fast as two once the JIT has warmed up, and a short run is faster
     * with one: the reader and the writer need a core too.
     */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be >= 1, was " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** Batches in flight between the reader and the writer; bounds memory with the batch size. */
    public Builder queueDepth(int queueDepth) {
      if (queueDepth < 1) {
        throw new IllegalArgumentException("queueDepth must be >= 1, was " + queueDepth);
      }
      this.queueDepth = queueDepth;
      return this;
    }

    /** How transient faults are retried, by the engine and by plugins. */
    public Builder retry(Retry retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** What happens to rejected records. */
    public Builder onError(ErrorPolicy errorPolicy) {
      this.errorPolicy = Objects.requireNonNull(errorPolicy, "errorPolicy");
      return this;
    }

    /** Where checkpoints are kept. */
    public Builder checkpoints(CheckpointStore checkpoints) {
      this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
      return this;
    }

    /**
     * The least time between two checkpoint saves (default 200 ms). A checkpoint is taken after every
     * batch the sinks committed and handed to a thread of its own, which saves the newest one at most
     * once per interval: on a fast pipeline a save per batch (an fsync, or a round trip to Redis) would
     * cost more CPU than the batch itself. A failing or ending run saves its last batch's checkpoint at
     * once. A batch committed by the sinks but not yet covered by a saved checkpoint when the process
     * dies is written again on resume, which the file sinks' truncate-on-resume and upserts make
     * harmless. {@link Duration#ZERO} saves after every batch, as fast as the store keeps up.
     */
    public Builder checkpointInterval(Duration checkpointInterval) {
      if (checkpointInterval.isNegative()) {
        throw new IllegalArgumentException("checkpointInterval must not be negative, was " + checkpointInterval);
      }
      this.checkpointInterval = checkpointInterval;
      return this;
    }

    /** Keep no checkpoints: runs cannot be resumed. For tests and throwaway jobs. */
    public Builder noCheckpoints() {
      this.checkpoints = NoCheckpoints.INSTANCE;
      return this;
    }

    /** Adds a listener. */
    public Builder listener(PipelineListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The clock transformers use for "now" and "today". */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * A new pipeline.
     *
     * @throws ConfigException listing everything missing: no source, no sink
     */
    public Pipeline build() {
      List<String> problems = new ArrayList<>();
      if (sources.isEmpty()) {
        problems.add("pipeline '" + name + "' needs at least one source");
      }
      if (sinks.isEmpty()) {
        problems.add("pipeline '" + name + "' needs at least one sink");
      }
      if (!problems.isEmpty()) {
        throw new ConfigException(problems);
      }
      int depth = queueDepth > 0 ? queueDepth : Math.max(4, 2 * workers);
      return new Pipeline(new Definition(name, sources, transformers, sinks, batchSize, workers, depth, retry,
          errorPolicy, checkpoints, checkpointInterval, listeners, clock));
    }
  }
}
