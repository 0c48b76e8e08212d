package dev.etlkit.sinks;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.Origin;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A chunk of records that remembers which items the sink rejected, and why. */
public final class RecordingChunk implements Chunk<Record> {

  private final List<Record> items;
  private final Map<Integer, String> rejected = new TreeMap<>();

  public RecordingChunk(List<Record> items) {
    this.items = List.copyOf(items);
  }

  public static RecordingChunk of(Record... items) {
    return new RecordingChunk(List.of(items));
  }

  @Override
  public List<Record> items() {
    return items;
  }

  @Override
  public Origin origin(int index) {
    return new Origin("test", Position.at("item", index + 1L));
  }

  @Override
  public void reject(int index, String message) {
    if (rejected.putIfAbsent(index, message) != null) {
      throw new IllegalStateException("item " + index + " rejected twice");
    }
  }

  /** Rejected item indexes and their messages, by index. */
  public Map<Integer, String> rejected() {
    return rejected;
  }
}
