package dev.etlkit;

/**
 * Hears about a run as it goes. Every hook is a no-op by default; all are called on the writer thread
 * (the thread that called {@code run()}), so a slow listener slows the run. Exceptions thrown by a
 * listener are logged and ignored.
 */
public interface PipelineListener {

  /** A listener that does nothing. */
  PipelineListener NONE = new PipelineListener() {
  };

  /** The run started (or resumed), before any record is read. */
  default void runStarted(String runId, String pipeline, boolean resumed) {
  }

  /**
   * A batch was written by every sink and its checkpoint taken; the checkpoint thread saves it soon
   * after (at most {@code checkpointInterval} later, or with a later batch's, which covers it).
   */
  default void batchCommitted(Progress progress) {
  }

  /** A record was rejected. */
  default void recordRejected(RejectedRecord rejected) {
  }

  /** The run ended, successfully or not. */
  default void runFinished(PipelineResult result) {
  }
}
