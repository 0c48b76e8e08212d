package dev.etlkit.testkit;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A sink that keeps what it is given, in order, for assertions. It can also reject items that match a
 * predicate (as a database rejects a row that breaks a constraint), or count without keeping, for
 * runs too large to hold.
 *
 * @param <T> the item type
 */
public final class CollectingSink<T> implements Sink<T> {

  private final String name;
  private final boolean keep;
  private final Predicate<? super T> rejects;
  private final List<T> items = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
  private volatile long count;
  private volatile boolean opened;
  private volatile boolean completed;
  private volatile boolean closed;

  private CollectingSink(String name, boolean keep, Predicate<? super T> rejects) {
    this.name = name;
    this.keep = keep;
    this.rejects = rejects;
  }

  /** A sink named "collect" that keeps everything. */
  public static <T> CollectingSink<T> create() {
    return new CollectingSink<>("collect", true, t -> false);
  }

  /** A named sink that keeps everything. */
  public static <T> CollectingSink<T> named(String name) {
    return new CollectingSink<>(name, true, t -> false);
  }

  /** A sink that only counts: for runs of millions of items. */
  public static <T> CollectingSink<T> discarding() {
    return new CollectingSink<>("discard", false, t -> false);
  }

  /** A sink that rejects the items matching {@code rejects} with the message "rejected by test sink". */
  public static <T> CollectingSink<T> rejecting(Predicate<? super T> rejects) {
    return new CollectingSink<>("collect", true, rejects);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * On resume, goes on from the checkpoint: the count is the checkpoint's, and the items written after it
   * by the attempt that failed (when this is the same instance) are dropped, as a file would be cut back.
   * A new instance cannot hold what an earlier attempt kept: its {@link #items()} are this attempt's.
   */
  @Override
  public void open(SinkContext context) {
    opened = true;
    Map<String, Object> restored = context.restoredState();
    if (restored != null && restored.get("count") instanceof Number n) {
      long committed = n.longValue();
      synchronized (items) {
        while (items.size() > committed) {
          items.remove(items.size() - 1);
        }
      }
      count = committed;
    }
  }

  @Override
  public void write(Chunk<T> chunk) {
    batchSizes.add(chunk.size());
    List<T> batch = chunk.items();
    for (int i = 0; i < batch.size(); i++) {
      T item = batch.get(i);
      if (rejects.test(item)) {
        chunk.reject(i, "rejected by test sink");
        continue;
      }
      count++;
      if (keep) {
        items.add(item);
      }
    }
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("count", count);
  }

  @Override
  public void complete() {
    completed = true;
  }

  @Override
  public void close() {
    closed = true;
  }

  /** The items written so far, in order (empty for a discarding sink). */
  public List<T> items() {
    synchronized (items) {
      return List.copyOf(items);
    }
  }

  /** How many items were written. */
  public long count() {
    return count;
  }

  /** The size of each batch written, in order. */
  public List<Integer> batchSizes() {
    synchronized (batchSizes) {
      return List.copyOf(batchSizes);
    }
  }

  public boolean isOpened() {
    return opened;
  }

  /** Whether the run succeeded and called {@link #complete()}. */
  public boolean isCompleted() {
    return completed;
  }

  public boolean isClosed() {
    return closed;
  }
}
