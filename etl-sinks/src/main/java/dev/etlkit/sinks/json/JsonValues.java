package dev.etlkit.sinks.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.etlkit.api.Record;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How record values look in JSON, for every sink that writes JSON (a JSON file, a CSV cell holding a
 * map, a jsonb column): strings, numbers and booleans as themselves, a {@link BigDecimal} as a plain
 * number without exponent or trailing zeros ({@code 75000}, {@code 75000.5}), dates and instants as
 * ISO-8601 strings, maps and lists as objects and arrays.
 */
public final class JsonValues {

  static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .rootValueSeparator((String) null)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private JsonValues() {
  }

  /** Writes a record as one JSON object, fields in the record's order. */
  public static void writeRecord(JsonGenerator g, Record record) throws IOException {
    g.writeStartObject();
    for (int i = 0, n = record.size(); i < n; i++) {
      g.writeFieldName(record.nameAt(i));
      write(g, record.valueAt(i));
    }
    g.writeEndObject();
  }

  /** Writes one value. */
  public static void write(JsonGenerator g, @Nullable Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(plain(d));
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (value instanceof Record r) {
      writeRecord(g, r);
    } else {
      // LocalDate and Instant print as ISO-8601 (yyyy-MM-dd, 2024-01-31T10:15:30Z); so does anything else's toString.
      g.writeString(value.toString());
    }
  }

  /** A generator of compact JSON that leaves {@code out} open when it is closed. */
  public static JsonGenerator generator(Writer out) throws IOException {
    return FACTORY.createGenerator(out);
  }

  /** A value as compact JSON text. */
  public static String toJson(@Nullable Object value) {
    StringWriter out = new StringWriter(64);
    try (JsonGenerator g = generator(out)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A decimal as plain text without exponent or trailing zeros: {@code 75000}, {@code 75000.5}, {@code 0}. */
  public static String plain(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    String s = d.toPlainString();
    if (d.scale() <= 0) {
      return s;
    }
    // the fraction's trailing zeros cut from the text: stripTrailingZeros() makes a new BigDecimal per value
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return end == s.length() ? s : s.substring(0, end);
  }
}
