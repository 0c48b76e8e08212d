package dev.etlkit.api;

import java.util.List;

/**
 * One batch handed to a {@link Sink}: the items in order, where each came from, and a way to reject
 * single items.
 *
 * @param <T> the type of item
 */
public interface Chunk<T> {

  /** The items, in input order. Never mutated by the sink. */
  List<T> items();

  /** The origin of item {@code index}, for error messages. */
  Origin origin(int index);

  /** Rejects item {@code index}: it is counted as rejected, with {@code message}, instead of written. */
  void reject(int index, String message);

  /**
   * Rejects item {@code index} with the rules it broke ({@code email}, rule {@code unique}), which
   * reports and the quality counts show as they show a validation's. By default the violations are
   * dropped and only the message is kept.
   */
  default void reject(int index, String message, List<Violation> violations) {
    reject(index, message);
  }

  /** The number of items. */
  default int size() {
    return items().size();
  }
}
