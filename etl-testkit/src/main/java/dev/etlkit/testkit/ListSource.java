package dev.etlkit.testkit;

import dev.etlkit.api.Position;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceContext;
import dev.etlkit.api.SourceItem;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * A source of in-memory items, or of items generated on the fly (so that millions can stream through a
 * test without being held). Positions are "item N" (1-based); resume continues after the saved one.
 *
 * <pre>{@code
 * ListSource.of(Record.of("id", "1"), Record.of("id", "2"));
 * ListSource.generate("numbers", 5_000_000, i -> Record.of("id", i));
 * }</pre>
 *
 * @param <T> the item type
 */
public final class ListSource<T> implements Source<T> {

  private final String name;
  private final long count;
  private final LongFunction<T> items;
  private long next;

  private ListSource(String name, long count, LongFunction<T> items) {
    this.name = name;
    this.count = count;
    this.items = items;
  }

  /** A source of these items, named "list". */
  @SafeVarargs
  public static <T> ListSource<T> of(T... items) {
    return of("list", List.of(items));
  }

  /** A named source of these items. */
  public static <T> ListSource<T> of(String name, List<T> items) {
    List<T> copy = List.copyOf(items);
    return new ListSource<>(name, copy.size(), i -> copy.get((int) i));
  }

  /** A named source of {@code count} items made by {@code generator} from their 0-based index. */
  public static <T> ListSource<T> generate(String name, long count, LongFunction<T> generator) {
    return new ListSource<>(name, count, Objects.requireNonNull(generator, "generator"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void open(SourceContext context) {
    Position resume = context.resumeAfter();
    next = resume == null ? 0 : resume.getLong("index", -1) + 1;
  }

  @Override
  public @Nullable SourceItem<T> read() {
    if (next >= count) {
      return null;
    }
    long i = next++;
    return SourceItem.of(items.apply(i), Position.at("item", i + 1, "index", i));
  }
}
