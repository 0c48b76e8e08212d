package dev.etlkit.internal;

import org.jspecify.annotations.Nullable;

/** Looks through an exception's causes, for what a library wrapped (an unknown host inside a connect failure). */
public final class Causes {

  private Causes() {
  }

  /** The first of {@code t} and its causes that is a {@code type}, or null. */
  public static <T extends Throwable> @Nullable T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
