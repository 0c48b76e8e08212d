package dev.etlkit.internal;

import dev.etlkit.ErrorPolicy;
import dev.etlkit.PipelineListener;
import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.Retry;
import dev.etlkit.api.Sink;
import dev.etlkit.api.Source;
import dev.etlkit.api.Transformer;
import java.time.Clock;
import java.util.List;

/** Everything a pipeline was built with; immutable, shared by its runs. */
public record Definition(
    String name,
    List<Source<Object>> sources,
    List<Transformer<Object, Object>> transformers,
    List<Sink<Object>> sinks,
    int batchSize,
    int workers,
    int queueDepth,
    Retry retry,
    ErrorPolicy errorPolicy,
    CheckpointStore checkpoints,
    java.time.Duration checkpointInterval,
    List<PipelineListener> listeners,
    Clock clock) {

  public Definition {
    sources = List.copyOf(sources);
    transformers = List.copyOf(transformers);
    sinks = List.copyOf(sinks);
    listeners = List.copyOf(listeners);
  }

  /**
   * A hash of what the pipeline does (each plugin's {@code definition()}), so that resuming a changed
   * pipeline can be refused. Batch size, workers, retries and the error policy may change between
   * attempts: they do not change what a record becomes.
   */
  public String fingerprint() {
    StringBuilder sb = new StringBuilder(name).append('\n');
    for (Source<?> s : sources) {
      sb.append("source ").append(typeOf(s)).append(' ').append(s.definition()).append('\n');
    }
    for (Transformer<?, ?> t : transformers) {
      sb.append("transform ").append(typeOf(t)).append(' ').append(t.definition()).append('\n');
    }
    for (Sink<?> s : sinks) {
      sb.append("sink ").append(typeOf(s)).append(' ').append(s.definition()).append('\n');
    }
    Sink<?> dead = errorPolicy.deadLetter();
    if (dead != null) {
      sb.append("dead-letter ").append(typeOf(dead)).append(' ').append(dead.definition()).append('\n');
    }
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A plugin's class name; a lambda's (a hidden class) changes from one JVM to the next, so it counts as "lambda". */
  private static String typeOf(Object plugin) {
    return plugin.getClass().isHidden() ? "lambda" : plugin.getClass().getName();
  }
}
