package dev.etlkit.transform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The type a field's value must have for {@link Validate}. Checks are strict: text is never read as a
 * number or a date here (that is {@link Normalize}'s job), so a value that stayed text where a number
 * was wanted is reported with its raw value.
 */
public enum ValueType {
  /** A {@code String}. */
  STRING("text"),
  /** A {@code Long}, or another number without a fractional part. */
  INTEGER("an integer"),
  /** Any number: {@code Long}, {@code BigDecimal} or a finite {@code Double}. */
  DECIMAL("a number"),
  /** A {@code Boolean}. */
  BOOLEAN("true or false"),
  /** A {@link LocalDate}. */
  DATE("a date"),
  /** An {@link Instant}. */
  TIMESTAMP("a timestamp"),
  /** A {@code List}. */
  LIST("a list"),
  /** A {@code Map}: a nested object. */
  OBJECT("an object");

  private final String description;

  ValueType(String description) {
    this.description = description;
  }

  /** How the type reads in a message: "an integer". */
  public String description() {
    return description;
  }

  /** Whether {@code value} (not null) is of this type. */
  public boolean accepts(Object value) {
    return switch (this) {
      case STRING -> value instanceof String;
      case INTEGER -> Numbers.integral(value) != null;
      case DECIMAL -> Numbers.decimal(value) != null;
      case BOOLEAN -> value instanceof Boolean;
      case DATE -> value instanceof LocalDate;
      case TIMESTAMP -> value instanceof Instant;
      case LIST -> value instanceof List;
      case OBJECT -> value instanceof Map;
    };
  }

  /** The type named in config, ignoring case: "integer". */
  public static ValueType named(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown type '" + name + "'; known: "
          + String.join(", ", java.util.Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList()));
    }
  }

  /** The type whose values a Java property of {@code type} takes, or null when there is no such check. */
  static @Nullable ValueType forJavaType(Class<?> type) {
    if (type == String.class || type == CharSequence.class) {
      return STRING;
    }
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class
        || type == Short.class || type == short.class || type == Byte.class || type == byte.class
        || type == BigInteger.class) {
      return INTEGER;
    }
    if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
        || type == float.class || type == Number.class) {
      return DECIMAL;
    }
    if (type == Boolean.class || type == boolean.class) {
      return BOOLEAN;
    }
    if (type == LocalDate.class) {
      return DATE;
    }
    if (type == Instant.class) {
      return TIMESTAMP;
    }
    if (Collection.class.isAssignableFrom(type)) {
      return LIST;
    }
    if (Map.class.isAssignableFrom(type)) {
      return OBJECT;
    }
    return null;
  }
}
