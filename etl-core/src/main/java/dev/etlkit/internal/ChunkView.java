package dev.etlkit.internal;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.Origin;
import dev.etlkit.api.Violation;
import java.util.AbstractList;
import java.util.List;
import java.util.TreeMap;

/** One batch as a sink sees it; remembers which items the sink rejected. */
final class ChunkView implements Chunk<Object> {

  private final List<Entry> entries;
  private final List<Object> items;
  final TreeMap<Integer, SinkRejection> rejections = new TreeMap<>();

  /** What a sink said about an item it rejected. */
  record SinkRejection(String message, List<Violation> violations) {
  }

  ChunkView(List<Entry> entries) {
    this.entries = entries;
    this.items = new AbstractList<>() {
      @Override
      public Object get(int index) {
        return entries.get(index).value();
      }

      @Override
      public int size() {
        return entries.size();
      }
    };
  }

  @Override
  public List<Object> items() {
    return items;
  }

  @Override
  public Origin origin(int index) {
    return entries.get(index).origin();
  }

  @Override
  public void reject(int index, String message) {
    reject(index, message, List.of());
  }

  @Override
  public void reject(int index, String message, List<Violation> violations) {
    if (index < 0 || index >= entries.size()) {
      throw new IndexOutOfBoundsException("reject(" + index + ") on a chunk of " + entries.size() + " items");
    }
    rejections.putIfAbsent(index, new SinkRejection(message, List.copyOf(violations)));
  }

  /** Forgets rejections before a retried write. */
  void reset() {
    rejections.clear();
  }
}
