package dev.etlkit.config;

import java.time.Duration;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of one config object's fields that report a problem at the field's JSON path instead of
 * throwing, so that one pass finds every problem.
 */
final class Fields {

  private final Map<String, Object> object;
  private final String path;
  private final List<String> problems;

  Fields(Map<String, Object> object, String path, List<String> problems) {
    this.object = object;
    this.path = path;
    this.problems = problems;
  }

  /** The path of a field of this object: {@code errors.maxErrors}. */
  String pathOf(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  void problem(String field, String message) {
    problems.add(pathOf(field) + ": " + message);
  }

  boolean has(String field) {
    return object.get(field) != null;
  }

  @Nullable Object get(String field) {
    return object.get(field);
  }

  /** Reports every field not in {@code known}. */
  void onlyKnown(List<String> known) {
    for (String field : object.keySet()) {
      if (!known.contains(field)) {
        problem(field, "unknown field; known fields: " + String.join(", ", known));
      }
    }
  }

  /** A whole number of at least {@code min}, or {@code fallback} when absent or wrong (then reported). */
  long whole(String field, long min, long fallback) {
    return whole(field, min, Long.MAX_VALUE, fallback);
  }

  /** A whole number from {@code min} to {@code Integer.MAX_VALUE}, or {@code fallback} (a count in an int). */
  int count(String field, int min, int fallback) {
    return (int) whole(field, min, Integer.MAX_VALUE, fallback);
  }

  private long whole(String field, long min, long max, long fallback) {
    Object v = object.get(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      problem(field, "must be a whole number, was " + describe(v));
      return fallback;
    }
    // compared as decimals: a number beyond a long's range must not wrap into it
    BigDecimal value = new BigDecimal(n.toString());
    if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
      problem(field, "must be >= " + min);
      return fallback;
    }
    if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
      problem(field, "must be at most " + max + ", was " + describe(v));
      return fallback;
    }
    return value.longValueExact();
  }

  /** A number between {@code min} and {@code max}, or {@code fallback}. */
  double number(String field, double min, double max, double fallback) {
    Object v = object.get(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n)) {
      problem(field, "must be a number, was " + describe(v));
      return fallback;
    }
    if (n.doubleValue() < min || n.doubleValue() > max) {
      problem(field, "must be between " + plain(min) + " and " + plain(max) + ", was " + plain(n.doubleValue()));
      return fallback;
    }
    return n.doubleValue();
  }

  /** A JSON boolean, or {@code fallback}. */
  boolean bool(String field, boolean fallback) {
    Object v = object.get(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Boolean b)) {
      problem(field, "must be true or false, was " + describe(v));
      return fallback;
    }
    return b;
  }

  /** A non-blank string, or null when absent or wrong (then reported). */
  @Nullable String string(String field) {
    Object v = object.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      problem(field, "must be a non-empty string, was " + describe(v));
      return null;
    }
    return s;
  }

  /** A duration: milliseconds as a number, or text such as "500ms", "2s", "1m". */
  Duration duration(String field, Duration fallback) {
    Object v = object.get(field);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.longValue() >= 0) {
      return Duration.ofMillis(n.longValue());
    }
    if (v instanceof String s) {
      String t = s.strip().toLowerCase(Locale.ROOT);
      try {
        if (t.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
        }
        if (t.endsWith("s")) {
          return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 1000));
        }
        if (t.endsWith("m")) {
          return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problem(field, "must be a duration such as 500ms, 2s or 1m, was " + describe(v));
    return fallback;
  }

  static String describe(@Nullable Object v) {
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    if (v instanceof Map) {
      return "an object";
    }
    if (v instanceof List) {
      return "an array";
    }
    return String.valueOf(v);
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
