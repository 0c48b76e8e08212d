package dev.etlkit.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, ordered set of named fields: the item that built-in sources emit and built-in
 * transformers and sinks consume.
 *
 * <p>Values are {@code String}, {@code Long}, {@code BigDecimal}, {@code Double}, {@code Boolean},
 * {@link LocalDate}, {@link Instant}, {@code List}, {@code Map} or {@code null}. Other integral
 * numbers are widened to {@code Long} and {@code BigInteger} to {@code BigDecimal} on the way in.
 * Two records are equal when they hold the same fields, in the same order, with equal values.
 *
 * <pre>{@code
 * Record r = Record.builder().put("id", "42").put("age", 30L).build();
 * Record older = r.with("age", 31L);          // r is unchanged
 * long age = older.getLong("age");
 * }</pre>
 */
public final class Record {

  private static final Record EMPTY = new Record(new String[0], new Object[0]);

  private final String[] names;
  private final @Nullable Object[] values;

  private Record(String[] names, @Nullable Object[] values) {
    this.names = names;
    this.values = values;
  }

  /** The record with no fields. */
  public static Record empty() {
    return EMPTY;
  }

  /** A record holding the map's entries in its iteration order. */
  public static Record of(Map<String, ?> fields) {
    Builder b = new Builder(fields.size());
    fields.forEach(b::put);
    return b.build();
  }

  /** A record from alternating names and values: {@code Record.of("id", "1", "age", 30L)}. */
  public static Record of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("namesAndValues must come in pairs, got " + namesAndValues.length + " items");
    }
    Builder b = new Builder(namesAndValues.length / 2);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  /** A builder for a new record. */
  public static Builder builder() {
    return new Builder(8);
  }

  /** A builder for a record with up to {@code expectedFields} fields; for many records with the same fields, see {@link #layout(String...)}. */
  public static Builder builder(int expectedFields) {
    return new Builder(expectedFields);
  }

  /** A layout of distinct field names for making many records with the same fields, fast. */
  public static Layout layout(String... names) {
    return new Layout(names.clone());
  }

  /** A layout of distinct field names for making many records with the same fields, fast. */
  public static Layout layout(List<String> names) {
    return new Layout(names.toArray(new String[0]));
  }

  /** The number of fields. */
  public int size() {
    return names.length;
  }

  /** The field names in order. */
  public List<String> fieldNames() {
    return Collections.unmodifiableList(Arrays.asList(names));
  }

  /** Whether the record has a field of that name (its value may be null). */
  public boolean has(String field) {
    return indexOf(field) >= 0;
  }

  /** The raw value of a field, or null when absent or null. */
  public @Nullable Object get(String field) {
    int i = indexOf(field);
    return i < 0 ? null : values[i];
  }

  /** The name of the field at {@code index}, in field order. */
  public String nameAt(int index) {
    return names[index];
  }

  /** The value of the field at {@code index}, in field order. */
  public @Nullable Object valueAt(int index) {
    return values[index];
  }

  /** The value as a string: strings as they are, other values by {@code toString()}, null as null. */
  public @Nullable String getString(String field) {
    Object v = get(field);
    return v == null ? null : v.toString();
  }

  /**
   * The value as a long: a {@code Long}, another number without fraction, or a string of digits; a
   * number beyond the range of a long is an error, not clamped.
   */
  public @Nullable Long getLong(String field) {
    Object v = get(field);
    if (v == null || v instanceof Long) {
      return (Long) v;
    }
    try {
      if (v instanceof BigDecimal d) {
        return d.longValueExact();
      }
      if (v instanceof Number n) {
        double d = n.doubleValue();
        if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
          return n.longValue();
        }
      } else if (v instanceof String s) {
        return Long.parseLong(s.trim());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // fall through to the uniform message below
    }
    throw typeError(field, v, "a whole number in the range of a long");
  }

  /** The value as a decimal: a number, or a string that parses as one. */
  public @Nullable BigDecimal getDecimal(String field) {
    Object v = get(field);
    if (v == null || v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (v instanceof Double d && Double.isFinite(d)) {
      return BigDecimal.valueOf(d);
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw typeError(field, v, "a decimal");
  }

  /** The value as a double: any number, or a string that parses as one. */
  public @Nullable Double getDouble(String field) {
    Object v = get(field);
    if (v == null || v instanceof Double) {
      return (Double) v;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw typeError(field, v, "a number");
  }

  /** The value as a boolean: a {@code Boolean}, or the strings "true" / "false" in any case. */
  public @Nullable Boolean getBoolean(String field) {
    Object v = get(field);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String s) {
      if (s.equalsIgnoreCase("true")) {
        return true;
      }
      if (s.equalsIgnoreCase("false")) {
        return false;
      }
    }
    throw typeError(field, v, "a boolean");
  }

  /** The value as a date: a {@link LocalDate}, or an ISO {@code yyyy-MM-dd} string. */
  public @Nullable LocalDate getDate(String field) {
    Object v = get(field);
    if (v == null || v instanceof LocalDate) {
      return (LocalDate) v;
    }
    if (v instanceof String s) {
      try {
        return LocalDate.parse(s.trim());
      } catch (java.time.format.DateTimeParseException e) {
        // fall through
      }
    }
    throw typeError(field, v, "a date");
  }

  /** The value as an instant: an {@link Instant}, or an ISO-8601 instant string. */
  public @Nullable Instant getInstant(String field) {
    Object v = get(field);
    if (v == null || v instanceof Instant) {
      return (Instant) v;
    }
    if (v instanceof String s) {
      try {
        return Instant.parse(s.trim());
      } catch (java.time.format.DateTimeParseException e) {
        // fall through
      }
    }
    throw typeError(field, v, "an instant");
  }

  /** The value as a list, or null. */
  @SuppressWarnings("unchecked")
  public @Nullable List<Object> getList(String field) {
    Object v = get(field);
    if (v == null || v instanceof List) {
      return (List<Object>) v;
    }
    throw typeError(field, v, "a list");
  }

  /** The value as a map, or null. */
  @SuppressWarnings("unchecked")
  public @Nullable Map<String, Object> getMap(String field) {
    Object v = get(field);
    if (v == null || v instanceof Map) {
      return (Map<String, Object>) v;
    }
    throw typeError(field, v, "a map");
  }

  /** A record with {@code field} set to {@code value}: replaced in place if present, appended if not. */
  public Record with(String field, @Nullable Object value) {
    Object normalized = normalize(field, value);
    int i = indexOf(field);
    if (i >= 0) {
      if (Objects.equals(values[i], normalized)) {
        return this;
      }
      Object[] v = values.clone();
      v[i] = normalized;
      return new Record(names, v);
    }
    String[] n = Arrays.copyOf(names, names.length + 1);
    Object[] v = Arrays.copyOf(values, values.length + 1);
    n[names.length] = field;
    v[values.length] = normalized;
    return new Record(n, v);
  }

  /** A record without {@code field}; this record when it has no such field. */
  public Record without(String field) {
    int i = indexOf(field);
    if (i < 0) {
      return this;
    }
    String[] n = new String[names.length - 1];
    Object[] v = new Object[values.length - 1];
    System.arraycopy(names, 0, n, 0, i);
    System.arraycopy(names, i + 1, n, i, names.length - i - 1);
    System.arraycopy(values, 0, v, 0, i);
    System.arraycopy(values, i + 1, v, i, values.length - i - 1);
    return new Record(n, v);
  }

  /** A builder starting from this record's fields, for changing several at once. */
  public Builder toBuilder() {
    Builder b = new Builder(names.length + 4);
    for (int i = 0; i < names.length; i++) {
      b.put(names[i], values[i]);
    }
    return b;
  }

  /**
   * The fields as an unmodifiable, ordered, serializable map. It is a view, not a copy, and never
   * changes, since the record does not.
   *
   * <p>A record given as a value to another record becomes this map; to nest a map built in a hot path
   * without its entries being copied, build it as a record: {@code record.with("metadata",
   * Record.of("source", "crm", "score", 7L))}.
   */
  public Map<String, @Nullable Object> asMap() {
    return new FieldMap(names, values);
  }

  private int indexOf(String field) {
    // Names from layouts and literals are interned: compare references first, text only if that fails.
    for (int i = 0; i < names.length; i++) {
      if (names[i] == field) {
        return i;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(field)) {
        return i;
      }
    }
    return -1;
  }

  private static IllegalArgumentException typeError(String field, Object value, String wanted) {
    return new IllegalArgumentException(
        "field '" + field + "' is not " + wanted + ": " + value.getClass().getSimpleName() + " '" + value + "'");
  }

  private static @Nullable Object normalize(String field, @Nullable Object value) {
    if (value == null || value instanceof String || value instanceof Long || value instanceof BigDecimal
        || value instanceof Boolean || value instanceof Double || value instanceof LocalDate
        || value instanceof Instant) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger bi) {
      return new BigDecimal(bi);
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object o : list) {
        copy.add(normalize(field, o));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof FieldMap) {
      return value; // a record's own fields: unmodifiable and already normalized
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
      map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(field, v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof Record r) {
      return r.asMap();
    }
    throw new IllegalArgumentException("field '" + field + "' has an unsupported value type "
        + value.getClass().getName() + "; use String, Long, BigDecimal, Double, Boolean, LocalDate, Instant, List or Map");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Record r && Arrays.equals(names, r.names) && Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names[i]).append('=').append(values[i]);
    }
    return sb.append('}').toString();
  }

  /**
   * Distinct field names in a fixed order, shared by many records (a CSV header, say). Records made
   * through a layout share its names and skip the per-field name checks of {@link Builder}: the fastest
   * way for a source to make records.
   *
   * <pre>{@code
   * Record.Layout header = Record.layout("id", "name");
   * Record ann = header.record("1", "Ann");
   * }</pre>
   */
  public static final class Layout {
    private final String[] names;

    private Layout(String[] names) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.length; i++) {
        Objects.requireNonNull(names[i], "field name");
        if (!seen.add(names[i])) {
          throw new IllegalArgumentException("field names must be distinct, '" + names[i] + "' appears twice");
        }
        // Interned, a name read from a file is the very string a transformer's literal is, so that
        // looking a field up by name is mostly a pointer comparison.
        names[i] = names[i].intern();
      }
      this.names = names;
    }

    /** The field names in order. */
    public List<String> fieldNames() {
      return Collections.unmodifiableList(Arrays.asList(names));
    }

    /** The number of fields. */
    public int size() {
      return names.length;
    }

    /**
     * A record of these fields with {@code values} in the same order (the array is copied), each value
     * taken as {@link Builder#put} takes it; fails when the counts differ.
     */
    public Record record(@Nullable Object... values) {
      if (values.length != names.length) {
        throw new IllegalArgumentException("the layout has " + names.length + " fields but " + values.length + " values were given");
      }
      Object[] v = new Object[values.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = normalize(names[i], values[i]);
      }
      return new Record(names, v);
    }
  }

  /** Collects fields for a new {@link Record}; a later {@code put} of the same name replaces the value in place. */
  public static final class Builder {
    private String[] names;
    private Object[] values;
    private int size;

    private Builder(int capacity) {
      names = new String[Math.max(capacity, 1)];
      values = new Object[names.length];
    }

    /** Sets a field; fails on an unsupported value type, naming the field. */
    public Builder put(String field, @Nullable Object value) {
      Objects.requireNonNull(field, "field");
      Object normalized = normalize(field, value);
      for (int i = 0; i < size; i++) {
        if (names[i].equals(field)) {
          values[i] = normalized;
          return this;
        }
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = field;
      values[size++] = normalized;
      return this;
    }

    /** Removes a field if present. */
    public Builder remove(String field) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(field)) {
          System.arraycopy(names, i + 1, names, i, size - i - 1);
          System.arraycopy(values, i + 1, values, i, size - i - 1);
          size--;
          names[size] = null;
          values[size] = null;
          return this;
        }
      }
      return this;
    }

    /** The record; the builder can be reused afterwards without affecting it. */
    public Record build() {
      if (size == 0) {
        return EMPTY;
      }
      return new Record(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
    }
  }
}
