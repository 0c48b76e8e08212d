package dev.etlkit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.etlkit.api.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Plain values to JSON and back with Jackson's streaming API: objects as ordered maps, arrays as lists,
 * strings, numbers, booleans and null. Configs, checkpoints, the errors log and reports are all plain
 * values. Binding them with Jackson databind instead cost every run of the command about 0.3 s of start-up
 * (loading and initializing databind, measured on the 2-core development machine), a tenth of a small job.
 *
 * <p>Reading gives {@link Long} for whole numbers ({@link BigInteger} beyond its range), as records
 * hold them, and {@link Double} for others.
 */
public final class PlainJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private PlainJson() {
  }

  /** The factory for parsers and generators of plain values. */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /** The one JSON value in {@code json}; anything after it is an error. */
  public static @Nullable Object parse(byte[] json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return readDocument(p);
    }
  }

  /**
   * The one JSON value {@code p} holds, from its first token to the end; an empty document or content
   * after the value is a {@link JsonParseException} with its location.
   */
  public static @Nullable Object readDocument(JsonParser p) throws IOException {
    if (p.nextToken() == null) {
      throw new JsonParseException(p, "no JSON value, the input is empty");
    }
    Object value = read(p);
    if (p.nextToken() != null) {
      throw new JsonParseException(p, "unexpected content after the JSON value");
    }
    return value;
  }

  /** The value that starts at {@code p}'s current token; {@code p} is left on its last token. */
  public static @Nullable Object read(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          p.nextToken();
          map.put(name, read(p));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        // Long as in records (a state saved as a Long comes back as one), BigInteger beyond it
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : Long.valueOf(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new JsonParseException(p, "unexpected " + p.currentToken());
    }
  }

  /**
   * Whether a rejected item's raw value is kept as it is in the dead letter and the errors log: null,
   * text, a number, a boolean, a list, a map or a record, so that an item {@code 5} and an item
   * {@code "5"} stay apart. Anything else is kept as its text.
   */
  public static boolean isRawItem(@Nullable Object raw) {
    return raw == null || raw instanceof String || raw instanceof Map || raw instanceof Record || raw instanceof Boolean
        || raw instanceof List || raw instanceof Long || raw instanceof BigDecimal || raw instanceof Double;
  }

  /** {@code value} as compact UTF-8 JSON. */
  public static byte[] toBytes(@Nullable Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, value);
    } catch (IOException e) {
      // a generator over memory fails only when it is misused
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes {@code value}: maps (keys as strings), records (their fields in order), lists, arrays, strings,
   * numbers, booleans and null as themselves; enums by name; anything else, dates and instants included,
   * as the string of its {@code toString()} (ISO-8601 for {@code LocalDate} and {@code Instant}).
   */
  public static void write(JsonGenerator g, @Nullable Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Record record) {
      g.writeStartObject();
      for (int i = 0; i < record.size(); i++) {
        g.writeFieldName(record.nameAt(i));
        write(g, record.valueAt(i));
      }
      g.writeEndObject();
    } else if (value instanceof Iterable<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Object[] items) {
      write(g, Arrays.asList(items));
    } else if (value instanceof Number n) {
      writeNumber(g, n);
    } else if (value instanceof Enum<?> e) {
      g.writeString(e.name());
    } else {
      g.writeString(value.toString());
    }
  }

  private static void writeNumber(JsonGenerator g, Number n) throws IOException {
    if (n instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (n instanceof Double d) {
      g.writeNumber(d);
    } else if (n instanceof Float f) {
      g.writeNumber(f);
    } else if (n instanceof BigInteger i) {
      g.writeNumber(i);
    } else {
      // AtomicLong, LongAdder and the like print as the number they hold
      g.writeNumber(n.toString());
    }
  }
}
