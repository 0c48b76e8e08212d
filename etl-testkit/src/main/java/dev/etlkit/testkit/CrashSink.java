package dev.etlkit.testkit;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.Origin;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkContext;
import java.util.List;
import java.util.Map;

/**
 * A sink that passes everything to the sink it watches, except the write its {@link CrashTrigger}
 * picks: it writes the first half of that batch and then waits to be killed, so that the output holds
 * part of a batch no checkpoint knows of.
 */
final class CrashSink<T> implements Sink<T> {

  private final Sink<T> sink;
  private final CrashTrigger trigger;

  CrashSink(Sink<T> sink, CrashTrigger trigger) {
    this.sink = sink;
    this.trigger = trigger;
    trigger.watching(this);
  }

  @Override
  public String name() {
    return sink.name();
  }

  @Override
  public void open(SinkContext context) throws Exception {
    sink.open(context);
  }

  @Override
  public void write(Chunk<T> chunk) throws Exception {
    if (trigger.killsThisWrite(this)) {
      sink.write(new FirstHalf<>(chunk));
      trigger.die();
    }
    sink.write(chunk);
  }

  @Override
  public Map<String, Object> state() {
    return sink.state();
  }

  @Override
  public void complete() throws Exception {
    sink.complete();
  }

  @Override
  public void close() throws Exception {
    sink.close();
  }

  @Override
  public String toString() {
    return sink.toString();
  }

  /** The first half of a chunk (at least one item); rejections go to the whole chunk. */
  private record FirstHalf<T>(Chunk<T> chunk) implements Chunk<T> {
    @Override
    public List<T> items() {
      return chunk.items().subList(0, Math.max(1, chunk.size() / 2));
    }

    @Override
    public Origin origin(int index) {
      return chunk.origin(index);
    }

    @Override
    public void reject(int index, String message) {
      chunk.reject(index, message);
    }

    @Override
    public void reject(int index, String message, List<dev.etlkit.api.Violation> violations) {
      chunk.reject(index, message, violations);
    }
  }
}
