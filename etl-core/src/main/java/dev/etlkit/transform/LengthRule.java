package dev.etlkit.transform;

import dev.etlkit.api.Violation;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** Bounds on the length of text, counted in code points so that an emoji is one character. */
final class LengthRule implements Rule {

  private final int min;
  private final int max;
  private final String message;

  LengthRule(int min, int max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("length bounds must satisfy 0 <= min <= max, were " + min + " and " + max);
    }
    this.min = min;
    this.max = max;
    this.message = message(min, max);
  }

  /** "must be 2 to 100 characters long", "must be at least 2 characters long". */
  static String message(int min, int max) {
    if (max == Integer.MAX_VALUE) {
      return "must be at least " + min + " characters long";
    }
    if (min == 0) {
      return "must be at most " + max + " characters long";
    }
    return "must be " + min + " to " + max + " characters long";
  }

  @Override
  public @Nullable Violation check(String field, Object value, Clock clock) {
    String s = (String) value;
    int n = s.codePointCount(0, s.length());
    if (n < min || n > max) {
      return new Violation(field, "length", Violations.withValue(message, value));
    }
    return null;
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
