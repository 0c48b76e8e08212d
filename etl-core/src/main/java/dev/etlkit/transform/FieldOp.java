package dev.etlkit.transform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of normalizing a field's value, for {@link Normalize}. Steps compose with
 * {@link #andThen(FieldOp)}; each leaves alone what it does not apply to (a number given to
 * {@link #trim()}, a text that {@link #parseInteger()} cannot read), so bad data reaches validation as
 * it was and normalization never throws for it.
 *
 * <pre>{@code
 * FieldOp salary = FieldOp.trim().andThen(FieldOp.parseDecimal("$,"));
 * salary.apply(" $75,000.50 ");   // BigDecimal 75000.50
 * salary.apply("75k");            // "75k", unchanged
 * }</pre>
 *
 * <p>Implementations must be thread-safe: normalization runs on several worker threads.
 */
@FunctionalInterface
public interface FieldOp {

  /** The normalized value; {@code value} itself when this step does not apply. */
  @Nullable Object apply(@Nullable Object value);

  /** This step, then {@code next} on its result. */
  default FieldOp andThen(FieldOp next) {
    Objects.requireNonNull(next, "next");
    return value -> next.apply(apply(value));
  }

  /** Text without leading and trailing white space (Unicode spaces included). */
  static FieldOp trim() {
    return value -> value instanceof String s ? Text.trim(s) : value;
  }

  /** Text in lower case (locale-independent). */
  static FieldOp lowerCase() {
    return value -> value instanceof String s ? s.toLowerCase(Locale.ROOT) : value;
  }

  /** Text in upper case (locale-independent). */
  static FieldOp upperCase() {
    return value -> value instanceof String s ? s.toUpperCase(Locale.ROOT) : value;
  }

  /** Text with every run of white space replaced by one space. */
  static FieldOp collapseWhitespace() {
    return value -> value instanceof String s ? Text.collapseWhitespace(s) : value;
  }

  /**
   * Text with the first letter of each word upper-cased and other letters unchanged; a word starts at
   * the beginning or after a character that is neither a letter nor a digit ({@code o'brien} becomes
   * {@code O'Brien}, {@code anne-marie} becomes {@code Anne-Marie}).
   */
  static FieldOp titleCaseWords() {
    return value -> value instanceof String s ? Text.titleCaseWords(s) : value;
  }

  /**
   * Text replaced by its entry in {@code table}, looked up ignoring case; text without an entry stays
   * as it is.
   */
  static FieldOp mapValues(Map<String, ?> table) {
    return new ValueTable(table);
  }

  /** A number as plain decimal text without trailing zeros: {@code 42 -> "42"}, {@code 42.0 -> "42"}. */
  static FieldOp numberToText() {
    return value -> value == null ? null : Text.numberToText(value);
  }

  /**
   * Text that, trimmed, is an optional sign and ASCII digits ({@code " +12"}, {@code "-5"}) as a
   * {@code Long}; a number without a fractional part as a {@code Long}. Anything else stays as it was.
   */
  static FieldOp parseInteger() {
    return value -> {
      if (value instanceof String s) {
        Long l = Numbers.parseLong(Text.trim(s));
        return l == null ? s : l;
      }
      Long l = value == null ? null : Numbers.integral(value);
      return l == null ? value : l;
    };
  }

  /**
   * Text as a {@code BigDecimal} after removing every character in {@code strip} (such as {@code "$,"})
   * and surrounding white space, if what is left is a decimal ({@code -12}, {@code 3.50}, or with an
   * exponent of up to three digits, {@code 1e5}); any number as a {@code BigDecimal}. Anything else
   * stays as it was.
   */
  static FieldOp parseDecimal(String strip) {
    Objects.requireNonNull(strip, "strip");
    return value -> {
      if (value instanceof String s) {
        BigDecimal d = Numbers.parseDecimal(Text.trim(Text.remove(s, strip)));
        return d == null ? s : d;
      }
      BigDecimal d = value == null ? null : Numbers.decimal(value);
      return d == null ? value : d;
    };
  }

  /**
   * Text as a {@code Boolean} when, trimmed and ignoring case, it is one of {@code trueWords} or
   * {@code falseWords}; Booleans pass. Anything else stays as it was.
   */
  static FieldOp parseBoolean(Collection<String> trueWords, Collection<String> falseWords) {
    return new BooleanWords(trueWords, falseWords);
  }

  /**
   * Text as a {@link LocalDate} read with the first of {@code formats} that fits the whole trimmed
   * text, strictly ({@code 2023-02-30} is not a date). A format is a
   * {@link java.time.format.DateTimeFormatter} pattern ({@code yyyy-MM-dd}) or the name of one of its ISO
   * constants ({@code ISO_DATE_TIME}); a format with a time gives its date part. Anything else stays.
   */
  static FieldOp parseDate(List<String> formats) {
    DateFormats parser = new DateFormats(formats);
    return value -> {
      if (value instanceof String s) {
        LocalDate d = parser.parse(Text.trim(s));
        return d == null ? s : d;
      }
      return value;
    };
  }

  /**
   * ISO-8601 text as an {@link Instant}: a date-time with an offset as it says, one without in
   * {@code zoneForLocal}, a date at its start of day there. Anything else stays.
   */
  static FieldOp parseTimestamp(ZoneId zoneForLocal) {
    Objects.requireNonNull(zoneForLocal, "zoneForLocal");
    return value -> {
      if (value instanceof String s) {
        Instant i = Timestamps.parse(Text.trim(s), zoneForLocal);
        return i == null ? s : i;
      }
      return value;
    };
  }
}
