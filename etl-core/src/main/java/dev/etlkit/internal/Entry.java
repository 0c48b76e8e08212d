package dev.etlkit.internal;

import dev.etlkit.api.Origin;
import org.jspecify.annotations.Nullable;

/** An item on its way through the pipeline, with where it came from and what was read. */
record Entry(Object value, Origin origin, @Nullable Object raw) {

  /** A result of transforming this entry: same origin and raw input. */
  Entry derive(Object newValue) {
    return new Entry(newValue, origin, raw);
  }
}
