package dev.etlkit.testkit;

import dev.etlkit.api.Position;
import dev.etlkit.api.Retry;
import dev.etlkit.api.SinkContext;
import dev.etlkit.api.SourceContext;
import dev.etlkit.api.TransformContext;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Contexts for driving a plugin directly in a test, without a pipeline. */
public final class TestContexts {

  /** The run id the contexts report. */
  public static final String RUN_ID = "test-run";

  private TestContexts() {
  }

  /** A source context for a fresh start ({@code resumeAfter == null}) or a resume. */
  public static SourceContext source(@Nullable Position resumeAfter) {
    return source(resumeAfter, Retry.none());
  }

  /** A source context with a retry policy. */
  public static SourceContext source(@Nullable Position resumeAfter, Retry retry) {
    return new SourceContext() {
      @Override
      public String runId() {
        return RUN_ID;
      }

      @Override
      public Retry retry() {
        return retry;
      }

      @Override
      public @Nullable Position resumeAfter() {
        return resumeAfter;
      }
    };
  }

  /** A sink context for a fresh start ({@code restoredState == null}) or a resume. */
  public static SinkContext sink(@Nullable Map<String, Object> restoredState) {
    return sink(RUN_ID, restoredState);
  }

  /** A sink context for a given run id. */
  public static SinkContext sink(String runId, @Nullable Map<String, Object> restoredState) {
    return new SinkContext() {
      @Override
      public String runId() {
        return runId;
      }

      @Override
      public Retry retry() {
        return Retry.none();
      }

      @Override
      public @Nullable Map<String, Object> restoredState() {
        return restoredState;
      }
    };
  }

  /** A transform context with the given clock. */
  public static TransformContext transform(Clock clock) {
    return new TransformContext() {
      @Override
      public String runId() {
        return RUN_ID;
      }

      @Override
      public Clock clock() {
        return clock;
      }
    };
  }
}
