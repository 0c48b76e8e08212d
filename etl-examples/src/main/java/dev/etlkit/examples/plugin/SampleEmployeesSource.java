package dev.etlkit.examples.plugin;

import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceContext;
import dev.etlkit.api.SourceItem;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Made-up employees with the mess of real exports (odd case, {@code $} and commas in salaries,
 * department aliases, yes/no flags, slash dates), every tenth one invalid and every seventh a repeat.
 * Item {@code n} is always the same, so a resumed run continues with item {@code n + 1}.
 *
 * <pre>{@code
 * Source<Record> source = new SampleEmployeesSource(1_000);
 * }</pre>
 */
public final class SampleEmployeesSource implements Source<Record> {

  private static final List<String> FIRST = List.of("ann", "BOB", "carla", "dmitri", "eve", "femi", "gus");
  private static final List<String> LAST = List.of("lee", "o'hara", "SMITH", "nguyen", "van dyke");
  private static final List<String> DEPARTMENTS = List.of("eng", "Sales", "mktg", "HR", "accounting", "dev");

  private final long count;
  private long next;

  /** A source of {@code count} employees. */
  public SampleEmployeesSource(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    this.count = count;
  }

  @Override
  public String name() {
    return "sample-employees";
  }

  @Override
  public void open(SourceContext context) {
    Position after = context.resumeAfter();
    next = after == null ? 0 : after.getLong("item", -1) + 1;
  }

  @Override
  public @Nullable SourceItem<Record> read() {
    if (next >= count) {
      return null;
    }
    long n = next++;
    return SourceItem.of(employee(n), Position.at("item", n + 1, "item", n));
  }

  /** Employee {@code n}. */
  static Record employee(long n) {
    long id = n % 7 == 6 ? n - 3 : n;
    int i = (int) n;
    return Record.builder(8)
        .put("id", String.format(Locale.ROOT, "S%05d", id))
        .put("name", " " + FIRST.get(i % FIRST.size()) + "  " + LAST.get(i % LAST.size()))
        .put("email", (FIRST.get(i % FIRST.size()) + "." + id + "@Example.com").toUpperCase(Locale.ROOT))
        .put("age", n % 10 == 9 ? "unknown" : Long.toString(18 + n % 45))
        .put("department", DEPARTMENTS.get(i % DEPARTMENTS.size()))
        .put("salary", String.format(Locale.ROOT, "$%,d", 35_000 + n * 1_234 % 120_000))
        .put("joinDate", String.format(Locale.ROOT, "20%02d/%02d/%02d", 5 + n % 18, 1 + n % 12, 1 + n % 28))
        .put("isActive", n % 3 == 0 ? "no" : "yes")
        .build();
  }
}
