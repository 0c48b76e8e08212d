package dev.etlkit.internal;

import dev.etlkit.api.Retry;
import dev.etlkit.api.SinkContext;
import dev.etlkit.api.TransformContext;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The contexts handed to plugins when they open. */
record Contexts(String runId, Retry retry, Clock clock, boolean resumable) {

  TransformContext transform() {
    return new TransformContext() {
      @Override
      public String runId() {
        return runId;
      }

      @Override
      public Clock clock() {
        return clock;
      }
    };
  }

  SinkContext sink(@Nullable Map<String, Object> restoredState) {
    return new SinkContext() {
      @Override
      public String runId() {
        return runId;
      }

      @Override
      public Retry retry() {
        return retry;
      }

      @Override
      public @Nullable Map<String, Object> restoredState() {
        return restoredState;
      }

      @Override
      public boolean resumable() {
        return resumable;
      }
    };
  }
}
