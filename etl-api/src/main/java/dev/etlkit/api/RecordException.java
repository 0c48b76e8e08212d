package dev.etlkit.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item is bad: it cannot be parsed, fails validation or cannot be transformed or written. The
 * engine rejects that item alone, hands it to the error policy and goes on with the next.
 *
 * <p>A transformer throws it with its {@link Violation}s (every failing rule, not only the first); the
 * engine fills in the origin and step when the thrower did not know them.
 */
public class RecordException extends EtlException {

  private final @Nullable Origin origin;
  private final @Nullable String step;
  private final List<Violation> violations;

  /** A bad item described by a message. */
  public RecordException(String message) {
    this(message, null, null, List.of());
  }

  /** A bad item with the rules it broke. */
  public RecordException(String message, List<Violation> violations) {
    this(message, null, null, violations);
  }

  /** A bad item with all details known. */
  public RecordException(String message, @Nullable Origin origin, @Nullable String step, List<Violation> violations) {
    super(message);
    this.origin = origin;
    this.step = step;
    this.violations = List.copyOf(violations);
  }

  /** Where the item came from, if known. */
  public @Nullable Origin origin() {
    return origin;
  }

  /** The step that rejected it ("read", "validate", "sink 'database'"), if known. */
  public @Nullable String step() {
    return step;
  }

  /** The rules the item broke; empty when the failure is not about fields. */
  public List<Violation> violations() {
    return violations;
  }
}
