package dev.etlkit.transform;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Parses integers and decimals from text without exceptions on the common paths: the syntax is
 * checked by hand first, so bad data costs a scan, not a thrown exception.
 */
final class Numbers {

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private Numbers() {
  }

  /** An optional sign and ASCII digits, as a Long; null when not that shape or out of range. */
  static @Nullable Long parseLong(String s) {
    int len = s.length();
    int i = len > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (i == len) {
      return null;
    }
    for (int j = i; j < len; j++) {
      char c = s.charAt(j);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    if (len - i <= 18) {
      return Long.parseLong(s);
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null; // more digits than a long holds
    }
  }

  /**
   * A decimal ({@code -12}, {@code 3.50}, {@code .5}), optionally with an exponent of up to three digits
   * ({@code 1e5}, {@code 7.5E+4}); null when not that shape. The exponent is bounded so that a value's
   * plain text stays within about a thousand digits.
   */
  static @Nullable BigDecimal parseDecimal(String s) {
    int len = s.length();
    int i = len > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    int digits = 0;
    boolean dot = false;
    for (; i < len; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else if ((c == 'e' || c == 'E') && digits > 0) {
        return exponentOk(s, i + 1) ? new BigDecimal(s) : null;
      } else {
        return null;
      }
    }
    return digits == 0 ? null : new BigDecimal(s);
  }

  /** Whether {@code s} from {@code from} is an optional sign and one to three digits. */
  private static boolean exponentOk(String s, int from) {
    int i = from < s.length() && (s.charAt(from) == '+' || s.charAt(from) == '-') ? from + 1 : from;
    int digits = s.length() - i;
    if (digits < 1 || digits > 3) {
      return false;
    }
    for (; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A number with no fractional part as a Long; null for anything else. */
  static @Nullable Long integral(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63 ? (long) d.doubleValue() : null;
    }
    if (value instanceof BigDecimal d) {
      if (d.compareTo(LONG_MIN) < 0 || d.compareTo(LONG_MAX) > 0) {
        return null;
      }
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? d.longValue() : null;
    }
    return null;
  }

  /** Any number as a BigDecimal; null for anything else (and for infinities and NaN). */
  static @Nullable BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (value instanceof Double d && Double.isFinite(d)) {
      return BigDecimal.valueOf(d);
    }
    return null;
  }
}
