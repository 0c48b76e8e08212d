package dev.etlkit.testkit;

import dev.etlkit.api.Position;
import dev.etlkit.api.RetriableException;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceContext;
import dev.etlkit.api.SourceItem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A source for fault tests: reads its items, but before item {@code failAt} (0-based) it throws
 * {@link RetriableException} {@code failures} times, as a flaky API would. Records when each attempt
 * happened so that tests can check the backoff between them.
 *
 * @param <T> the item type
 */
public final class FlakySource<T> implements Source<T> {

  private final List<T> items;
  private final int failAt;
  private final int failures;
  private final List<Long> attemptNanos = new ArrayList<>();
  private int next;
  private int failed;

  private FlakySource(List<T> items, int failAt, int failures) {
    this.items = List.copyOf(items);
    this.failAt = failAt;
    this.failures = failures;
  }

  /** A source of {@code items} that fails {@code failures} times before item {@code failAt}. */
  public static <T> FlakySource<T> of(List<T> items, int failAt, int failures) {
    return new FlakySource<>(items, failAt, failures);
  }

  @Override
  public String name() {
    return "flaky";
  }

  @Override
  public void open(SourceContext context) {
    Position resume = context.resumeAfter();
    next = resume == null ? 0 : (int) resume.getLong("index", -1) + 1;
  }

  @Override
  public @Nullable SourceItem<T> read() {
    if (next == failAt && failed < failures) {
      attemptNanos.add(System.nanoTime());
      failed++;
      throw new RetriableException("service unavailable (injected failure " + failed + ")");
    }
    if (next == failAt) {
      attemptNanos.add(System.nanoTime());
    }
    if (next >= items.size()) {
      return null;
    }
    int i = next++;
    return SourceItem.of(items.get(i), Position.at("item", i + 1, "index", (long) i));
  }

  /** When each attempt at item {@code failAt} was made ({@link System#nanoTime()}), failed ones included. */
  public List<Long> attemptNanos() {
    return List.copyOf(attemptNanos);
  }

  /** How many failures were thrown. */
  public int failures() {
    return failed;
  }
}
