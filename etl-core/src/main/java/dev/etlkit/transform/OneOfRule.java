package dev.etlkit.transform;

import dev.etlkit.api.Violation;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Text that is exactly one of a few allowed values (case matters). */
final class OneOfRule implements Rule {

  private final Set<String> allowed;
  private final String message;

  OneOfRule(Collection<String> allowed) {
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("oneOf needs at least one value");
    }
    this.allowed = Set.copyOf(allowed);
    this.message = message(List.copyOf(allowed));
  }

  /** "must be one of Engineering, Sales, HR". */
  static String message(List<String> allowed) {
    return "must be one of " + String.join(", ", allowed);
  }

  @Override
  public @Nullable Violation check(String field, Object value, Clock clock) {
    return allowed.contains(value) ? null : new Violation(field, "oneOf", Violations.withValue(message, value));
  }

  @Override
  public ValueType type() {
    return ValueType.STRING;
  }

  @Override
  public String description() {
    return message;
  }
}
