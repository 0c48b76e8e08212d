package dev.etlkit.testkit;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.Origin;
import dev.etlkit.api.Position;
import dev.etlkit.api.Violation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Chunk} for driving a sink directly in a test; remembers what the sink rejected.
 *
 * @param <T> the item type
 */
public final class TestChunk<T> implements Chunk<T> {

  private final List<T> items;
  private final Map<Integer, String> rejections = new TreeMap<>();
  private final Map<Integer, List<Violation>> violations = new TreeMap<>();

  private TestChunk(List<T> items) {
    this.items = List.copyOf(items);
  }

  /** A chunk of these items; item i's origin is "test item i+1". */
  public static <T> TestChunk<T> of(List<T> items) {
    return new TestChunk<>(items);
  }

  @Override
  public List<T> items() {
    return items;
  }

  @Override
  public Origin origin(int index) {
    return new Origin("test", Position.at("item", index + 1L));
  }

  @Override
  public void reject(int index, String message) {
    reject(index, message, List.of());
  }

  @Override
  public void reject(int index, String message, List<Violation> broken) {
    rejections.put(index, message);
    violations.put(index, List.copyOf(broken));
  }

  /** What the sink rejected: item index → message. */
  public Map<Integer, String> rejections() {
    return Map.copyOf(rejections);
  }

  /** The rules each rejected item broke, as the sink named them: item index → violations. */
  public Map<Integer, List<Violation>> violations() {
    return Map.copyOf(violations);
  }
}
