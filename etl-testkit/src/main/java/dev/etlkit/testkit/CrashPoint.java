package dev.etlkit.testkit;

/**
 * Where a forked run is killed, by batch number counted from the start of the whole run (1-based).
 *
 * @param kind at which moment of the batch
 * @param batch the batch
 */
record CrashPoint(Kind kind, long batch) {

  /** The moments of a batch at which a run can be killed. */
  enum Kind {
    /** Once the first checkpoint that covers the batch is saved. */
    AFTER_BATCH,
    /** Halfway through the batch's write to the sink watched last; earlier sinks wrote all of it. */
    DURING_WRITE,
    /** After every sink wrote the batch, just before the first checkpoint that covers it is saved. */
    BEFORE_CHECKPOINT
  }

  CrashPoint {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, was " + batch);
    }
  }

  /** {@code AFTER_BATCH:3}, as it travels to the forked JVM. */
  String encode() {
    return kind + ":" + batch;
  }

  static CrashPoint decode(String s) {
    int colon = s.indexOf(':');
    return new CrashPoint(Kind.valueOf(s.substring(0, colon)), Long.parseLong(s.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return switch (kind) {
      case AFTER_BATCH -> "after batch " + batch;
      case DURING_WRITE -> "during the write of batch " + batch;
      case BEFORE_CHECKPOINT -> "before the checkpoint of batch " + batch + " is saved";
    };
  }
}
