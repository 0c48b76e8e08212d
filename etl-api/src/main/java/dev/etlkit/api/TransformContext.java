package dev.etlkit.api;

import java.time.Clock;

/** What a {@link Transformer} is told when it opens. */
public interface TransformContext {

  /** The id of the run. */
  String runId();

  /** The clock for "now" and "today"; tests inject a fixed one. */
  Clock clock();
}
