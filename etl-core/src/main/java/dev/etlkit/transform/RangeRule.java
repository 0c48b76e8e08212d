package dev.etlkit.transform;

import dev.etlkit.api.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** Bounds on a number, each inclusive or exclusive; one message names both bounds. */
final class RangeRule implements Rule {

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final @Nullable BigDecimal min;
  private final boolean minInclusive;
  private final @Nullable BigDecimal max;
  private final boolean maxInclusive;
  private final String message;
  /** The smallest and largest whole numbers within the bounds, so that a Long is checked without a BigDecimal. */
  private final long lowestLong;
  private final long highestLong;
  private final boolean longBounds;

  RangeRule(@Nullable BigDecimal min, boolean minInclusive, @Nullable BigDecimal max, boolean maxInclusive) {
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new IllegalArgumentException("min " + plain(min) + " is above max " + plain(max));
    }
    this.min = min;
    this.minInclusive = minInclusive;
    this.max = max;
    this.maxInclusive = maxInclusive;
    this.message = message(min, minInclusive, max, maxInclusive);
    BigDecimal lowest = min == null ? LONG_MIN
        : minInclusive ? min.setScale(0, RoundingMode.CEILING) : min.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
    BigDecimal highest = max == null ? LONG_MAX
        : maxInclusive ? max.setScale(0, RoundingMode.FLOOR) : max.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
    // bounds beyond the long range leave Longs to the BigDecimal comparison
    this.longBounds = lowest.compareTo(LONG_MAX) <= 0 && highest.compareTo(LONG_MIN) >= 0;
    this.lowestLong = longBounds ? lowest.max(LONG_MIN).longValue() : 0;
    this.highestLong = longBounds ? highest.min(LONG_MAX).longValue() : 0;
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
    if (value instanceof Long l && longBounds) {
      if (l < lowestLong) {
        return new Violation(field, "min", Violations.withValue(message, value));
      }
      return l > highestLong ? new Violation(field, "max", Violations.withValue(message, value)) : null;
    }
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

  @Override
  public String description() {
    return message;
  }
}
