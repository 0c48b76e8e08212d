package dev.etlkit.sinks.postgres;

import dev.etlkit.api.Record;
import dev.etlkit.sinks.json.JsonValues;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Values in the text format of {@code COPY ... FROM STDIN}: tab-separated, {@code \N} for null, and
 * backslash, tab, CR and LF escaped with a backslash, so that no value can end a cell or a row early.
 * {@link CopyWriter} sends rows in this form; here it gives the key a row will have in the table.
 */
final class CopyText {

  private CopyText() {
  }

  /** The key of a row as the database will compare it: the encoded key values joined by tabs. */
  static String key(Record record, List<Binding> bindings, int[] keyIndexes) {
    StringBuilder sb = new StringBuilder(32);
    for (int k : keyIndexes) {
      Binding b = bindings.get(k);
      appendValue(sb, valueOf(record, k, b.field()), b.json());
      sb.append('\t');
    }
    return sb.toString();
  }

  /** Records usually hold the fields in column order: skip the lookup by name then. */
  private static @Nullable Object valueOf(Record record, int index, String field) {
    return index < record.size() && record.nameAt(index).equals(field) ? record.valueAt(index) : record.get(field);
  }

  static void appendValue(StringBuilder sb, @Nullable Object value, boolean json) {
    if (value == null) {
      sb.append("\\N");
    } else if (json) {
      appendEscaped(sb, JsonValues.toJson(value));
    } else if (value instanceof String s) {
      appendEscaped(sb, s);
    } else if (value instanceof Long l) {
      sb.append(l.longValue());
    } else if (value instanceof BigDecimal d) {
      sb.append(d.toPlainString());
    } else if (value instanceof Boolean b) {
      sb.append(b ? "true" : "false"); // not t/f: a text column stores what it is sent
    } else if (value instanceof Map || value instanceof List) {
      appendEscaped(sb, JsonValues.toJson(value));
    } else {
      // Double (Infinity and NaN included), LocalDate and Instant print in forms PostgreSQL reads.
      appendEscaped(sb, value.toString());
    }
  }

  private static void appendEscaped(StringBuilder sb, String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
  }
}
