package dev.etlkit.redis;

import dev.etlkit.PipelineListener;
import dev.etlkit.PipelineResult;
import dev.etlkit.Progress;
import dev.etlkit.internal.PlainJson;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Publishes a run's progress to {@code <prefix>:<runId>:progress} as JSON, so that other processes can
 * watch it while it goes:
 *
 * <pre>{@code
 * {"runId":"etl-1","pipeline":"employees","phase":"running","batches":12,"read":12000,"written":11800,
 *  "rejected":150,"duplicates":50,"ratePerSecond":41000.5,"bytesRead":1234567,"totalBytes":9876543,
 *  "updatedAt":"2024-05-01T10:00:00Z"}
 * }</pre>
 *
 * <p>{@code phase} is {@code started}, {@code running}, then {@code succeeded} or {@code failed} (with
 * {@code failure}). Batch updates are throttled to one per {@link Builder#interval(Duration)} (250 ms by
 * default); the first batch and the end of the run are always written. The key expires 24 hours after
 * its last update. A failed write is logged by the engine and does not stop the run.
 *
 * <pre>{@code
 * try (RedisProgressPublisher progress = RedisProgressPublisher.connect(redisUrl)) {
 *   Pipeline.builder("employees").listener(progress)...build().run();
 * }
 * }</pre>
 */
public final class RedisProgressPublisher implements PipelineListener, AutoCloseable {

  private static final Duration EXPIRY = Duration.ofHours(24);

  private final RedisConnection redis;
  private final RedisKeys keys;
  private final long intervalNanos;
  private final Map<String, RunProgress> runs = new ConcurrentHashMap<>();

  private RedisProgressPublisher(RedisConnection redis, RedisKeys keys, Duration interval) {
    this.redis = redis;
    this.keys = keys;
    this.intervalNanos = interval.toNanos();
  }

  /** Connects to the Redis at {@code url}, keys under "etl", at most four updates a second. */
  public static RedisProgressPublisher connect(String url) {
    return builder().url(url).build();
  }

  /** A builder, for another key prefix or update interval. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void runStarted(String runId, String pipeline, boolean resumed) {
    RunProgress run = new RunProgress(pipeline);
    runs.put(runId, run);
    Map<String, Object> m = fields(runId, run, "started");
    m.put("resumed", resumed);
    publish(runId, m);
  }

  @Override
  public void batchCommitted(Progress progress) {
    RunProgress run = runs.get(progress.runId());
    if (run == null) {
      return;
    }
    run.last = progress;
    long now = System.nanoTime();
    if (run.lastWriteNanos != 0 && now - run.lastWriteNanos < intervalNanos) {
      return;
    }
    run.lastWriteNanos = now;
    publish(progress.runId(), fields(progress.runId(), run, "running"));
  }

  @Override
  public void runFinished(PipelineResult result) {
    RunProgress run = runs.remove(result.runId());
    if (run == null) {
      run = new RunProgress(result.pipeline());
    }
    Map<String, Object> m = fields(result.runId(), run, result.succeeded() ? "succeeded" : "failed");
    m.put("read", result.read());
    m.put("written", result.written());
    m.put("rejected", result.rejected());
    m.put("duplicates", result.duplicates());
    m.put("durationMs", result.duration().toMillis());
    if (result.failure() != null) {
      m.put("failure", result.failure());
    }
    publish(result.runId(), m);
  }

  /** Closes the connection. */
  @Override
  public void close() {
    redis.close();
  }

  private static Map<String, Object> fields(String runId, RunProgress run, String phase) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", runId);
    m.put("pipeline", run.pipeline);
    m.put("phase", phase);
    Progress p = run.last;
    m.put("batches", p == null ? 0 : p.batches());
    m.put("read", p == null ? 0 : p.read());
    m.put("written", p == null ? 0 : p.written());
    m.put("rejected", p == null ? 0 : p.rejected());
    m.put("duplicates", p == null ? 0 : p.duplicates());
    m.put("ratePerSecond", p == null ? 0.0 : Math.round(p.ratePerSecond() * 10) / 10.0);
    m.put("bytesRead", p == null ? -1 : p.bytesRead());
    m.put("totalBytes", p == null ? -1 : p.totalBytes());
    m.put("updatedAt", Instant.now().toString());
    return m;
  }

  private void publish(String runId, Map<String, Object> fields) {
    byte[] json = PlainJson.toBytes(fields);
    String key = keys.progress(runId);
    redis.call("publish the progress of run " + runId, r -> r.set(key, json, SetArgs.Builder.ex(EXPIRY)));
  }

  @Override
  public String toString() {
    return "Redis progress at " + redis.address() + " under '" + keys.prefix() + ":'";
  }

  /** What is known of one run between its events; touched only on that run's writer thread. */
  private static final class RunProgress {
    final String pipeline;
    @Nullable Progress last;
    long lastWriteNanos;

    RunProgress(String pipeline) {
      this.pipeline = pipeline;
    }
  }

  /** Settings of a {@link RedisProgressPublisher}: the URL (required), key prefix, interval, timeout. */
  public static final class Builder {
    private String url = "";
    private String prefix = RedisCheckpointStore.DEFAULT_PREFIX;
    private Duration interval = Duration.ofMillis(250);
    private Duration timeout = Duration.ofSeconds(5);

    private Builder() {
    }

    /** The server: {@code redis://[[user]:password@]host[:port][/db]}. */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The first part of every key; the same as the checkpoint store's, usually. */
    public Builder prefix(String prefix) {
      this.prefix = RedisKeys.checkPrefix(prefix);
      return this;
    }

    /** The shortest time between two batch updates; zero writes after every batch. */
    public Builder interval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("interval must not be negative, was " + interval);
      }
      this.interval = interval;
      return this;
    }

    /** How long to wait for a connection or a reply; 5 s by default. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Connects and returns the publisher.
     *
     * @throws dev.etlkit.api.ConfigException when the URL is missing or malformed
     * @throws dev.etlkit.api.RetriableException naming {@code host:port} when the server cannot be reached
     */
    public RedisProgressPublisher build() {
      return new RedisProgressPublisher(RedisConnection.open(RedisUrl.parse(url), timeout), new RedisKeys(prefix), interval);
    }
  }
}
