package dev.etlkit.internal;

import dev.etlkit.api.Origin;
import org.jspecify.annotations.Nullable;

/**
 * An item on its way through the pipeline, with where it came from, what was read, and the sequence
 * number of the input item in this attempt (for reporting rejections in input order).
 */
record Entry(Object value, Origin origin, @Nullable Object raw, long seq) {

  /** A result of transforming this entry: same origin, raw input and sequence number. */
  Entry derive(Object newValue) {
    return new Entry(newValue, origin, raw, seq);
  }
}
