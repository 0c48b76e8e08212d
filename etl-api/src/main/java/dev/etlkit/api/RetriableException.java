package dev.etlkit.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A transient fault (a lost connection, an HTTP 503 or 429, a serialization failure): the same call
 * may succeed if tried again. The engine and {@link Retry} retry it with backoff; when the attempts
 * run out, the run fails with its last checkpoint kept so that it can be resumed.
 */
public class RetriableException extends EtlException {

  /** A transient fault. */
  public RetriableException(String message) {
    super(message);
    this.retryAfter = null;
  }

  private final @Nullable Duration retryAfter;

  /** A transient fault with its cause. */
  public RetriableException(String message, Throwable cause) {
    super(message, cause);
    this.retryAfter = null;
  }

  /** A transient fault after which the server asked to wait (HTTP {@code Retry-After}). */
  public RetriableException(String message, @Nullable Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** How long the other side asked us to wait before the next attempt, if it said. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
