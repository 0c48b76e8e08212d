package dev.etlkit.sinks;

import dev.etlkit.api.Retry;
import dev.etlkit.api.SinkContext;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A sink context for calling sinks directly in tests. */
public record FixedSinkContext(String runId, @Nullable Map<String, Object> restoredState) implements SinkContext {

  /** A fresh start of run {@code runId}. */
  public static FixedSinkContext fresh(String runId) {
    return new FixedSinkContext(runId, null);
  }

  /** A resume of run {@code runId} from a sink state saved earlier. */
  public static FixedSinkContext resume(String runId, Map<String, Object> state) {
    return new FixedSinkContext(runId, state);
  }

  @Override
  public Retry retry() {
    return Retry.none();
  }
}
