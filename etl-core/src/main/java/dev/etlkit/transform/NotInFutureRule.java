package dev.etlkit.transform;

import dev.etlkit.api.Violation;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A date no later than today, today being the date of the run's clock in the clock's zone. */
final class NotInFutureRule implements Rule {

  static final String MESSAGE = "must not be in the future";

  @Override
  public @Nullable Violation check(String field, Object value, Clock clock) {
    if (((LocalDate) value).isAfter(LocalDate.now(clock))) {
      return new Violation(field, "notFuture", Violations.withValue(MESSAGE, value));
    }
    return null;
  }

  @Override
  public ValueType type() {
    return ValueType.DATE;
  }
}
