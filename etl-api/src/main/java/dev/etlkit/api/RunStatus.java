package dev.etlkit.api;

/** Where a run stands. */
public enum RunStatus {
  /** Started and not finished: running now, or killed before it could finish. */
  RUNNING,
  /** Every item was read and accounted for, and every sink completed. */
  SUCCEEDED,
  /** Stopped by a fatal error or a policy threshold; resumable from its last checkpoint. */
  FAILED
}
