package dev.etlkit.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where an item was read, and how to resume right after it.
 *
 * <p>{@link #description()} is for people ("line 42", "item 7", "page 3"); {@link #state()} is for the
 * source that made it: a few string, long or boolean values that checkpoint stores persist as JSON and
 * hand back through {@link SourceContext#resumeAfter()}. A CSV source, for example, keeps the record's
 * line and the byte offset just after it. Sources make one per item, so it is kept small: the
 * description is only built when asked for.
 */
public final class Position {

  private static final Position NONE = new Position("", -1, new Object[0]);

  private final String label;
  private final long number;
  private final Object[] keysAndValues;

  private Position(String label, long number, Object[] keysAndValues) {
    this.label = label;
    this.number = number;
    this.keysAndValues = keysAndValues;
  }

  /**
   * A position described as {@code label + " " + number} ("line 42"), with resume state given as
   * alternating keys and values: {@code Position.at("line", 42, "line", 42L, "offset", 1234L)}.
   */
  public static Position at(String label, long number, Object... keysAndValues) {
    return new Position(label, number, check(keysAndValues));
  }

  /** A position with a free-form description ("cursor abc") and resume state as alternating keys and values. */
  public static Position of(String description, Object... keysAndValues) {
    return new Position(description, -1, check(keysAndValues));
  }

  /** A position rebuilt from persisted state. */
  public static Position restore(String description, Map<String, ?> state) {
    Object[] kv = new Object[state.size() * 2];
    int i = 0;
    for (Map.Entry<String, ?> e : state.entrySet()) {
      kv[i++] = e.getKey();
      kv[i++] = e.getValue();
    }
    return new Position(description, -1, check(kv));
  }

  /** The position of items that have none (in-memory data, say). */
  public static Position none() {
    return NONE;
  }

  /** How a person finds the item: "line 42". */
  public String description() {
    return number < 0 ? label : label + " " + number;
  }

  /** The resume state: string, long and boolean values. */
  public Map<String, Object> state() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** A long from the state, or {@code fallback} when absent. */
  public long getLong(String key, long fallback) {
    Object v = find(key);
    return v instanceof Number n ? n.longValue() : fallback;
  }

  /** A string from the state, or null when absent. */
  public @Nullable String getString(String key) {
    Object v = find(key);
    return v == null ? null : v.toString();
  }

  private @Nullable Object find(String key) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i].equals(key)) {
        return keysAndValues[i + 1];
      }
    }
    return null;
  }

  private static Object[] check(Object[] kv) {
    if (kv.length % 2 != 0) {
      throw new IllegalArgumentException("position state must come as key, value pairs");
    }
    for (int i = 0; i < kv.length; i += 2) {
      if (!(kv[i] instanceof String)) {
        throw new IllegalArgumentException("position state keys must be strings, got " + kv[i]);
      }
      Object v = kv[i + 1];
      if (v instanceof Integer n) {
        kv[i + 1] = n.longValue();
      } else if (!(v instanceof String || v instanceof Long || v instanceof Boolean)) {
        throw new IllegalArgumentException("position state values must be String, Long or Boolean, got " + v);
      }
    }
    return kv;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Position p && description().equals(p.description())
        && Arrays.equals(keysAndValues, p.keysAndValues);
  }

  @Override
  public int hashCode() {
    return 31 * description().hashCode() + Arrays.hashCode(keysAndValues);
  }

  @Override
  public String toString() {
    return description();
  }
}
