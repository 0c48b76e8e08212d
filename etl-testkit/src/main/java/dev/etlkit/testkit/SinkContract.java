package dev.etlkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Sink;
import dev.etlkit.internal.PlainJson;
import dev.etlkit.internal.SinkState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link Sink} keeps. Extend it in your sink's test: {@link #createSink(Path)}
 * returns a new sink writing to the same destination for the same directory, {@link #sampleItems()}
 * gives at least four items, and {@link #readBack(Path)} reads what the destination holds. The inherited
 * tests check that items arrive in order, that an empty run completes, and that a run resumed from the
 * state after a committed batch, after a crash mid-way through the next one, ends with exactly the
 * output of an uninterrupted run. The state comes back as a checkpoint gives it: through JSON, whole
 * numbers as {@code Long}.
 *
 * @param <T> the item type
 */
public abstract class SinkContract<T> {

  /** A fresh directory per test for the sink's destination. */
  @TempDir
  protected Path contractDir;

  /** A new, unopened sink writing to the destination that belongs to {@code dir}. */
  protected abstract Sink<T> createSink(Path dir) throws Exception;

  /** Items to write; at least four. */
  protected abstract List<T> sampleItems();

  /** What the destination holds after a completed run, in order. */
  protected abstract List<T> readBack(Path dir) throws Exception;

  @Test
  void writesEveryItemInOrder() throws Exception {
    List<T> items = sampleItems();
    try (Sink<T> sink = createSink(contractDir)) {
      sink.open(TestContexts.sink(null));
      sink.write(TestChunk.of(items.subList(0, 2)));
      sink.write(TestChunk.of(items.subList(2, items.size())));
      sink.complete();
    }
    assertThat(readBack(contractDir)).containsExactlyElementsOf(items);
  }

  @Test
  void completesARunWithNoItems() throws Exception {
    try (Sink<T> sink = createSink(contractDir)) {
      sink.open(TestContexts.sink(null));
      sink.complete();
    }
    assertThat(readBack(contractDir)).isEmpty();
  }

  @Test
  void resumedRunEndsWithTheOutputOfAnUninterruptedOne() throws Exception {
    List<T> items = sampleItems();
    Map<String, Object> committed;
    Sink<T> crashed = createSink(contractDir);
    try {
      crashed.open(TestContexts.sink(null));
      crashed.write(TestChunk.of(items.subList(0, 2)));
      // as a checkpoint keeps it: checked, saved as JSON and read back
      committed = asCheckpointed(crashed.name(), crashed.state());
      // the next batch is written but never checkpointed: the process dies before it is committed
      crashed.write(TestChunk.of(items.subList(2, 3)));
    } finally {
      crashed.close();
    }
    try (Sink<T> resumed = createSink(contractDir)) {
      resumed.open(TestContexts.sink(committed));
      resumed.write(TestChunk.of(items.subList(2, items.size())));
      resumed.complete();
    }
    assertThat(readBack(contractDir)).containsExactlyElementsOf(items);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asCheckpointed(String sink, Map<String, Object> state) throws Exception {
    return (Map<String, Object>) PlainJson.parse(PlainJson.toBytes(SinkState.checked(sink, state)));
  }
}
