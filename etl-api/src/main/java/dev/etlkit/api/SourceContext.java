package dev.etlkit.api;

import org.jspecify.annotations.Nullable;

/** What a {@link Source} is told when it opens. */
public interface SourceContext {

  /** The id of the run. */
  String runId();

  /** The retry policy of the pipeline, for sources that make remote calls. */
  Retry retry();

  /**
   * The position of the last committed item of this source when the run resumes, or null on a fresh
   * start. The source continues with the item right after it.
   */
  @Nullable Position resumeAfter();
}
