package dev.etlkit.transform;

import dev.etlkit.api.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** Bounds on a number, each inclusive or exclusive; one message names both bounds. */
final class RangeRule implements Rule {

  private final @Nullable BigDecimal min;
  private final boolean minInclusive;
  private final @Nullable BigDecimal max;
  private final boolean maxInclusive;
  private final String message;

  RangeRule(@Nullable BigDecimal min, boolean minInclusive, @Nullable BigDecimal max, boolean maxInclusive) {
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new IllegalArgumentException("min " + plain(min) + " is above max " + plain(max));
    }
    this.min = min;
    this.minInclusive = minInclusive;
    this.max = max;
    this.maxInclusive = maxInclusive;
    this.message = message(min, minInclusive, max, maxInclusive);
  }

  /** "must be between 16 and 100", "must be greater than 0 and at most 1000000", "must be at least 2". */
  static String message(@Nullable BigDecimal min, boolean minInclusive, @Nullable BigDecimal max, boolean maxInclusive) {
    if (min != null && max != null && minInclusive && maxInclusive) {
      return "must be between " + plain(min) + " and " + plain(max);
    }
    String lower = min == null ? null : (minInclusive ? "at least " : "greater than ") + plain(min);
    String upper = max == null ? null : (maxInclusive ? "at most " : "less than ") + plain(max);
    return "must be " + (lower == null ? upper : upper == null ? lower : lower + " and " + upper);
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  @Override
  public @Nullable Violation check(String field, Object value, Clock clock) {
    BigDecimal d = Numbers.decimal(value);
    if (d == null) {
      return null;
    }
    if (min != null) {
      int c = d.compareTo(min);
      if (c < 0 || c == 0 && !minInclusive) {
        return new Violation(field, "min", Violations.withValue(message, value));
      }
    }
    if (max != null) {
      int c = d.compareTo(max);
      if (c > 0 || c == 0 && !maxInclusive) {
        return new Violation(field, "max", Violations.withValue(message, value));
      }
    }
    return null;
  }

  @Override
  public ValueType type() {
    return ValueType.DECIMAL;
  }
}
