package dev.etlkit.testkit;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.RetriableException;
import dev.etlkit.api.Sink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A sink for fault tests: writes like a {@link CollectingSink} until a chosen batch, then throws. It can
 * throw a fatal error (disk full, say) every time from then on, or a transient one a set number of
 * times before succeeding.
 *
 * <pre>{@code
 * FailingSink.fatalAtBatch(3, () -> new java.io.IOException("No space left on device"));
 * FailingSink.transientAtBatch(2, 2);   // batch 2 fails twice, then is written
 * }</pre>
 *
 * @param <T> the item type
 */
public final class FailingSink<T> implements Sink<T> {

  private final int failingBatch;
  private final int failures;
  private final Supplier<? extends Exception> fault;
  private final List<T> items = Collections.synchronizedList(new ArrayList<>());
  private int batch;
  private int failed;
  private int attempts;

  private FailingSink(int failingBatch, int failures, Supplier<? extends Exception> fault) {
    this.failingBatch = failingBatch;
    this.failures = failures;
    this.fault = fault;
  }

  /** Fails with {@code fault} on the given batch (1-based) and every attempt after. */
  public static <T> FailingSink<T> fatalAtBatch(int batch, Supplier<? extends Exception> fault) {
    return new FailingSink<>(batch, Integer.MAX_VALUE, fault);
  }

  /** Throws {@link RetriableException} {@code failures} times on the given batch (1-based), then writes it. */
  public static <T> FailingSink<T> transientAtBatch(int batch, int failures) {
    return new FailingSink<>(batch, failures, () -> new RetriableException("connection reset (injected)"));
  }

  @Override
  public String name() {
    return "failing";
  }

  @Override
  public void write(Chunk<T> chunk) throws Exception {
    attempts++;
    if (batch + 1 == failingBatch && failed < failures) {
      failed++;
      throw fault.get();
    }
    batch++;
    items.addAll(chunk.items());
  }

  /** Items written, in order. */
  public List<T> items() {
    synchronized (items) {
      return List.copyOf(items);
    }
  }

  /** How many times {@code write} was called, failed attempts included. */
  public int attempts() {
    return attempts;
  }

  /** How many times the injected fault was thrown. */
  public int failures() {
    return failed;
  }
}
