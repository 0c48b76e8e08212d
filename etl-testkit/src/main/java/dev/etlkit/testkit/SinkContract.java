package dev.etlkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Sink;
import dev.etlkit.internal.PlainJson;
import dev.etlkit.internal.SinkState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link Sink} keeps. Extend it in your sink's test: {@link #createSink(Path)}
 * returns a new sink writing to the same destination for the same directory, {@link #sampleItems()}
 * gives at least four items, and {@link #readBack(Path)} reads what the destination holds. The inherited
 * tests check that items arrive in order, that an empty run completes, and that a run resumed twice,
 * each time from the state after a committed batch and a crash mid-way through the next one, ends with
 * exactly the output of an uninterrupted run. The state comes back as a checkpoint gives it: through JSON, whole
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
    List<T> items = items();
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
    List<T> items = items();
    // Two crashes: the second checks the state a resumed sink reports, which must count what the
    // attempts before it wrote too.
    Map<String, Object> committed = crashAfter(null, items.subList(0, 2), items.subList(2, 3));
    committed = crashAfter(committed, items.subList(2, 3), items.subList(3, 4));
    try (Sink<T> resumed = createSink(contractDir)) {
      openOn(resumed, committed);
      resumed.write(TestChunk.of(items.subList(3, items.size())));
      resumed.complete();
    }
    assertThat(readBack(contractDir)).containsExactlyElementsOf(items);
  }

  /**
   * Opens a sink from {@code restored} (null: a fresh start), writes {@code batch} and takes its state as
   * a checkpoint would, then writes {@code lost}, which the crash that follows leaves uncommitted. The
   * sink is closed, as a process that dies cannot: a sink that makes its data durable only in close()
   * passes here, and {@link CrashHarness}, which kills a real process, catches it.
   */
  private Map<String, Object> crashAfter(@Nullable Map<String, Object> restored, List<T> batch, List<T> lost)
      throws Exception {
    Sink<T> crashed = createSink(contractDir);
    try {
      openOn(crashed, restored);
      crashed.write(TestChunk.of(batch));
      // as a checkpoint keeps it: checked, saved as JSON and read back
      Map<String, Object> committed = asCheckpointed(crashed.name(), crashed.state());
      crashed.write(TestChunk.of(lost));
      return committed;
    } finally {
      crashed.close();
    }
  }

  /** Opens {@code sink} on a restored state; a cast that fails on it is told with what a checkpoint gives back. */
  private static void openOn(Sink<?> sink, @Nullable Map<String, Object> restored) throws Exception {
    try {
      sink.open(TestContexts.sink(restored));
    } catch (ClassCastException e) {
      throw new AssertionError("sink '" + sink.name() + "' could not open on its restored state " + restored + ": "
          + e.getMessage() + " (a checkpoint gives whole numbers back as Long, others as Double, objects as Map)", e);
    }
  }

  private List<T> items() {
    List<T> items = sampleItems();
    assertThat(items).as("sampleItems() must give at least four items").hasSizeGreaterThanOrEqualTo(4);
    return items;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asCheckpointed(String sink, Map<String, Object> state) throws Exception {
    return (Map<String, Object>) PlainJson.parse(PlainJson.toBytes(SinkState.checked(sink, state)));
  }
}
