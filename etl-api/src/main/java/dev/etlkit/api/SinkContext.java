package dev.etlkit.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a {@link Sink} is told when it opens. */
public interface SinkContext {

  /** The id of the run; file sinks use it to name their temporary file. */
  String runId();

  /** The retry policy of the pipeline. */
  Retry retry();

  /** On resume, the sink's {@link Sink#state()} saved with the last checkpoint; null on a fresh start. */
  @Nullable Map<String, Object> restoredState();
}
