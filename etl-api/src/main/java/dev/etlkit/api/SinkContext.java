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

  /**
   * Whether a failed run can be resumed: false when the pipeline keeps no checkpoints. A sink that keeps
   * work for a resume (a temporary file) removes it on a close without completing when it cannot be.
   */
  default boolean resumable() {
    return true;
  }
}
