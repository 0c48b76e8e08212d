package dev.etlkit.sources.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.etlkit.api.Record;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns JSON read by a Jackson {@link JsonParser} into record values without losing precision: whole
 * numbers become {@code Long} (a {@code BigDecimal} beyond its range), other numbers {@code BigDecimal}
 * exactly as written, objects ordered maps and arrays lists.
 *
 * <pre>{@code
 * JsonValues values = new JsonValues();
 * try (JsonParser p = new JsonFactory().createParser(bytes)) {
 *   p.nextToken();                       // START_OBJECT
 *   Record r = values.record(p);
 * }
 * }</pre>
 *
 * <p>An instance remembers the field names of the last object it read, so a stream of objects with the
 * same fields makes records through one {@link Record.Layout}; it is not thread-safe.
 */
public final class JsonValues {

  /** The factory the file sources parse with; kept here so that nobody can reconfigure it. */
  static final JsonFactory FACTORY = new JsonFactory();

  private Record.@Nullable Layout layout;
  private String @Nullable [] layoutNames;
  private String[] names = new String[16];
  private Object[] values = new Object[16];

  /** The object at the parser's current {@code START_OBJECT} as a record; leaves the parser on its {@code END_OBJECT}. */
  public Record record(JsonParser p) throws IOException {
    int n = 0;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      if (n == names.length) {
        names = Arrays.copyOf(names, n * 2);
        values = Arrays.copyOf(values, n * 2);
      }
      names[n] = p.currentName();
      p.nextToken();
      values[n++] = value(p);
    }
    if (!sameNames(n)) {
      String[] fresh = Arrays.copyOf(names, n);
      try {
        layout = Record.layout(fresh);
        layoutNames = fresh;
      } catch (IllegalArgumentException duplicateName) {
        // JSON allows a name twice; the builder keeps the last value, as most JSON readers do
        Record.Builder b = Record.builder(n);
        for (int i = 0; i < n; i++) {
          b.put(names[i], values[i]);
        }
        return b.build();
      }
    }
    return layout.record(Arrays.copyOf(values, n));
  }

  /** Digits a number may take when written out in full: 1e999999999 would take a billion. */
  private static final int MOST_PLAIN_DIGITS = 1_000;

  /**
   * The number exactly, as long as it can be written out in full: normalizing, deduplicating or writing
   * it as plain digits (as sinks and keys do) would otherwise exhaust the memory.
   */
  private static BigDecimal exact(JsonParser p) throws IOException {
    BigDecimal d = p.getDecimalValue();
    if (Math.abs((long) d.scale()) + d.precision() > MOST_PLAIN_DIGITS) {
      throw new JsonParseException(p, "the number " + p.getText() + " has more than " + MOST_PLAIN_DIGITS
          + " digits when written out; give it as a string");
    }
    return d;
  }

  /** The value at the parser's current token; leaves the parser on the value's last token. */
  public static @Nullable Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new JsonParseException(p, "expected a value but the input ended");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, value(p));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          list.add(value(p));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? new BigDecimal(p.getBigIntegerValue()) : p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return exact(p);
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonParseException(p, "unexpected " + describe(t));
    }
  }

  /** How a token reads in a message: "an array", "a number". */
  static String describe(@Nullable JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() != null ? "'" + t.asString() + "'" : t.name();
    };
  }

  /** The first line of a Jackson message, without its location (which callers give their own way). */
  static String message(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    int cut = m.indexOf('\n');
    if (cut >= 0) {
      m = m.substring(0, cut);
    }
    int marker = m.indexOf(" (start marker at");
    // limits name the Jackson setting behind them: "... the maximum allowed (1000, from `StreamReadConstraints...`)"
    return (marker >= 0 ? m.substring(0, marker) : m).replaceAll(", from `[^`]*`", "");
  }

  private boolean sameNames(int n) {
    String[] known = layoutNames;
    if (known == null || known.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      // Jackson interns field names, so this is nearly always an identity check
      if (!known[i].equals(names[i])) {
        return false;
      }
    }
    return true;
  }
}
