package dev.etlkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.etlkit.api.Position;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link dev.etlkit.api.Source} keeps. Extend it in your source's test, make
 * {@link #createSource(Path)} return a new source over a fixed input, and {@link #expectedItems()} the
 * values that input holds; the inherited tests check reading, end of input and resume after every item,
 * rejected ones included.
 *
 * <pre>{@code
 * class CsvSourceTest extends SourceContract<Record> {
 *   protected Source<Record> createSource(Path dir) throws Exception {
 *     Path file = dir.resolve("in.csv");
 *     if (Files.notExists(file)) Files.writeString(file, "id,name\n1,Ann\n2,Bob\n");
 *     return CsvSource.file(file).build();
 *   }
 *   protected List<Record> expectedItems() { return List.of(Record.of("id", "1", "name", "Ann"), ...); }
 * }
 * }</pre>
 *
 * @param <T> the item type
 */
public abstract class SourceContract<T> {

  /** A fresh directory per test for the source's input. */
  @TempDir
  protected Path contractDir;

  /** A new, unopened source over the same input every time it is called with the same directory. */
  protected abstract Source<T> createSource(Path dir) throws Exception;

  /** The values the input holds, in order (rejected items excluded); at least two. */
  protected abstract List<T> expectedItems();

  @Test
  void readsEveryItemInOrderThenSignalsTheEnd() throws Exception {
    List<T> expected = expectedItems();
    assertThat(expected).as("expectedItems() must give at least two items").hasSizeGreaterThanOrEqualTo(2);
    assertThat(readAll(null)).extracting(SourceItem::value).containsExactlyElementsOf(expected);
  }

  /** After every item, rejected ones too: a checkpoint keeps the position of a batch's last item, whatever it was. */
  @Test
  void resumingAfterAnyItemYieldsExactlyTheRest() throws Exception {
    List<SourceItem<T>> all = readEverything(null);
    for (int k = 0; k < all.size(); k++) {
      List<T> after = new ArrayList<>();
      for (SourceItem<T> item : all.subList(k + 1, all.size())) {
        if (!item.isRejected()) {
          after.add(item.value());
        }
      }
      List<SourceItem<T>> rest = readAll(all.get(k).position());
      assertThat(rest).as("items after %s%s", all.get(k).position(), all.get(k).isRejected() ? " (a rejected item)" : "")
          .extracting(SourceItem::value).containsExactlyElementsOf(after);
    }
  }

  @Test
  void givesEveryItemADistinctPosition() throws Exception {
    List<SourceItem<T>> all = readAll(null);
    assertThat(all).extracting(SourceItem::position).doesNotHaveDuplicates();
  }

  @Test
  void closesWithoutHavingBeenOpened() throws Exception {
    Source<T> source = createSource(contractDir);
    assertThatCode(source::close).doesNotThrowAnyException();
  }

  /** Opens a new source (resuming after {@code resumeAfter} when given) and reads it to the end, rejected items included. */
  private List<SourceItem<T>> readEverything(@Nullable Position resumeAfter) throws Exception {
    List<SourceItem<T>> items = new ArrayList<>();
    try (Source<T> source = createSource(contractDir)) {
      source.open(TestContexts.source(resumeAfter));
      for (SourceItem<T> item = source.read(); item != null; item = source.read()) {
        items.add(item);
      }
    }
    return items;
  }

  /** Opens a new source (resuming after {@code resumeAfter} when given) and reads it to the end, values only. */
  protected List<SourceItem<T>> readAll(@Nullable Position resumeAfter) throws Exception {
    return readEverything(resumeAfter).stream().filter(item -> !item.isRejected()).toList();
  }
}
