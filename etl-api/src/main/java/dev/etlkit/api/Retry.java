package dev.etlkit.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * How transient faults ({@link RetriableException}) are retried: up to {@code maxRetries} more
 * attempts after the first, waiting an exponentially growing delay with full jitter between them
 * (capped by {@link #maxDelay()}), or the server's {@code Retry-After} when it gave one.
 *
 * <pre>{@code
 * Retry retry = Retry.exponential(3, Duration.ofMillis(200));   // at most 4 attempts
 * String body = retry.call("GET " + url, () -> fetch(url));
 * }</pre>
 */
public final class Retry {

  /** Told about each retry before it waits; for logging. */
  @FunctionalInterface
  public interface Listener {
    /** Attempt {@code attempt} (1-based) failed with {@code fault}; the next comes after {@code delay}. */
    void retrying(String what, int attempt, RetriableException fault, Duration delay);
  }

  /** The longest wait a server's Retry-After gets, unless the maximum delay is longer. */
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(15);

  private static final Retry NONE = new Retry(0, Duration.ZERO, Duration.ZERO);

  private final int maxRetries;
  private final Duration initialDelay;
  private final Duration maxDelay;

  private Retry(int maxRetries, Duration initialDelay, Duration maxDelay) {
    this.maxRetries = maxRetries;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
  }

  /** No retries: the first transient fault fails the call. */
  public static Retry none() {
    return NONE;
  }

  /** Up to {@code maxRetries} retries, the n-th waiting up to {@code initialDelay * 2^(n-1)}, at most 30 s. */
  public static Retry exponential(int maxRetries, Duration initialDelay) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException("initialDelay must not be negative, was " + initialDelay);
    }
    return new Retry(maxRetries, initialDelay, Duration.ofSeconds(30));
  }

  /** The same policy with another cap on a single delay. */
  public Retry withMaxDelay(Duration maxDelay) {
    return new Retry(maxRetries, initialDelay, Objects.requireNonNull(maxDelay, "maxDelay"));
  }

  /** How many times a failed call is retried; a call makes at most {@code maxRetries() + 1} attempts. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The delay before the first retry, before jitter. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** The longest single delay. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * The wait before retry number {@code retry} (1-based): a random value between half and all of
   * {@code initialDelay * 2^(retry-1)}, capped at the maximum delay; or {@code retryAfter} when the fault
   * carried one (a server's {@code Retry-After}), up to 15 minutes or the maximum delay if that is longer.
   */
  public Duration delayBefore(int retry, @Nullable Duration retryAfter) {
    if (retryAfter != null) {
      // the server knows when it will answer: retrying earlier only spends an attempt
      Duration cap = maxDelay.compareTo(LONGEST_RETRY_AFTER) > 0 ? maxDelay : LONGEST_RETRY_AFTER;
      return retryAfter.compareTo(cap) > 0 ? cap : retryAfter;
    }
    long base = initialDelay.toMillis() << Math.min(retry - 1, 20);
    long capped = Math.min(base, maxDelay.toMillis());
    long jittered = capped / 2 + (capped > 1 ? ThreadLocalRandom.current().nextLong(capped - capped / 2 + 1) : capped);
    return Duration.ofMillis(jittered);
  }

  /** Runs {@code call}, retrying on {@link RetriableException}; other exceptions pass through at once. */
  public <T> T call(String what, Callable<T> call) throws Exception {
    return call(what, call, (w, a, f, d) -> { });
  }

  /**
   * Runs {@code call}, retrying on {@link RetriableException} and telling {@code listener} before
   * each wait. When the attempts run out the last fault is thrown, its message prefixed with how many
   * attempts were made.
   */
  public <T> T call(String what, Callable<T> call, Listener listener) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.call();
      } catch (RetriableException fault) {
        if (attempt > maxRetries) {
          if (maxRetries == 0) {
            throw fault;
          }
          throw new RetriableException(what + " failed after " + attempt + " attempts: " + fault.getMessage(), fault);
        }
        Duration delay = delayBefore(attempt, fault.retryAfter());
        listener.retrying(what, attempt, fault, delay);
        Thread.sleep(delay.toMillis());
      }
    }
  }

  @Override
  public String toString() {
    return "Retry[maxRetries=" + maxRetries + ", initialDelay=" + initialDelay + "]";
  }
}
