package dev.etlkit.sinks.postgres;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.etlkit.api.Record;
import dev.etlkit.sinks.json.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Sends rows to {@code COPY ... FROM STDIN} in its text format (see {@link CopyText}), encoded straight
 * to UTF-8 and handed to the server in chunks while the rest of the batch is still being encoded, so
 * that the server parses and indexes one chunk while the next is made. JSON values come from one
 * reused generator. Not thread-safe: one per {@link BatchLoader}.
 */
final class CopyWriter {

  private static final int CHUNK = 1 << 16;
  private static final JsonFactory JSON = new JsonFactoryBuilder()
      .rootValueSeparator((String) null)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final List<Binding> bindings;
  private final Chars jsonText = new Chars();
  private final JsonGenerator json;
  private byte[] buf = new byte[CHUNK + 1024];
  private int len;

  CopyWriter(List<Binding> bindings) {
    this.bindings = bindings;
    try {
      this.json = JSON.createGenerator(jsonText);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies {@code items[rows[i]]} for i in {@code [from, to)} with {@code sql}; the server's errors are thrown. */
  void copy(CopyManager api, String sql, List<Record> items, int[] rows, int from, int to) throws SQLException {
    len = 0;
    CopyIn in = api.copyIn(sql);
    try {
      for (int i = from; i < to; i++) {
        appendRow(items.get(rows[i]));
        if (len >= CHUNK) {
          in.writeToCopy(buf, 0, len);
          len = 0;
        }
      }
      if (len > 0) {
        in.writeToCopy(buf, 0, len);
      }
      in.endCopy();
    } finally {
      len = 0;
      if (in.isActive()) {
        cancel(in);
      }
    }
  }

  private static void cancel(CopyIn in) {
    try {
      in.cancelCopy();
    } catch (SQLException e) {
      // The copy failed already; what failed it is what the caller reports.
    }
  }

  /** One row: tab-separated values, {@code \N} for null, ended by a newline. */
  void appendRow(Record record) {
    for (int i = 0, n = bindings.size(); i < n; i++) {
      if (i > 0) {
        put('\t');
      }
      Binding b = bindings.get(i);
      Object value = i < record.size() && record.nameAt(i).equals(b.field()) ? record.valueAt(i) : record.get(b.field());
      appendValue(value, b.json());
    }
    put('\n');
  }

  private void appendValue(@Nullable Object value, boolean asJson) {
    if (value == null) {
      put('\\');
      put('N');
    } else if (asJson || value instanceof Map || value instanceof List) {
      appendJson(value);
    } else if (value instanceof String s) {
      appendEscaped(s, 0, s.length());
    } else if (value instanceof Long l) {
      String s = Long.toString(l);
      appendEscaped(s, 0, s.length());
    } else if (value instanceof BigDecimal d) {
      String s = d.toPlainString();
      appendEscaped(s, 0, s.length());
    } else if (value instanceof Boolean b) {
      put(b ? 't' : 'f');
    } else {
      // Double (Infinity and NaN included), LocalDate and Instant print in forms PostgreSQL reads.
      String s = value.toString();
      appendEscaped(s, 0, s.length());
    }
  }

  private void appendJson(Object value) {
    try {
      JsonValues.write(json, value);
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    appendEscaped(jsonText.chars, jsonText.size);
    jsonText.size = 0;
  }

  private void appendEscaped(String s, int from, int end) {
    ensure(end - from);
    int i = from;
    // ASCII without anything to escape, the common case: one byte a char
    for (; i < end; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == '\\' || c < ' ') {
        break;
      }
      buf[len++] = (byte) c;
    }
    for (; i < end; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
        putCodePoint(Character.toCodePoint(c, s.charAt(++i)));
      } else {
        putEscaped(c);
      }
    }
  }

  private void appendEscaped(char[] chars, int n) {
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (c < 0x80 && c != '\\' && c >= ' ') {
        buf[len++] = (byte) c;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
        putCodePoint(Character.toCodePoint(c, chars[++i]));
      } else {
        putEscaped(c);
      }
    }
  }

  /** One char of a value: backslash, tab, LF and CR escaped, a lone surrogate as {@code ?} (as the JDK encodes it). */
  private void putEscaped(char c) {
    ensure(3);
    switch (c) {
      case '\\' -> {
        buf[len++] = '\\';
        buf[len++] = '\\';
      }
      case '\t' -> {
        buf[len++] = '\\';
        buf[len++] = 't';
      }
      case '\n' -> {
        buf[len++] = '\\';
        buf[len++] = 'n';
      }
      case '\r' -> {
        buf[len++] = '\\';
        buf[len++] = 'r';
      }
      default -> {
        if (c < 0x80) {
          buf[len++] = (byte) c;
        } else if (c < 0x800) {
          buf[len++] = (byte) (0xC0 | c >> 6);
          buf[len++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isSurrogate(c)) {
          buf[len++] = '?';
        } else {
          buf[len++] = (byte) (0xE0 | c >> 12);
          buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
          buf[len++] = (byte) (0x80 | c & 0x3F);
        }
      }
    }
  }

  private void putCodePoint(int cp) {
    ensure(4);
    buf[len++] = (byte) (0xF0 | cp >> 18);
    buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
    buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
    buf[len++] = (byte) (0x80 | cp & 0x3F);
  }

  private void put(char ascii) {
    ensure(1);
    buf[len++] = (byte) ascii;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  /** The generator's output, taken value by value. */
  private static final class Chars extends Writer {
    char[] chars = new char[256];
    int size;

    @Override
    public void write(char[] c, int off, int n) {
      if (size + n > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, size + n));
      }
      System.arraycopy(c, off, chars, size, n);
      size += n;
    }

    @Override
    public void write(String s, int off, int n) {
      if (size + n > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, size + n));
      }
      s.getChars(off, off + n, chars, size);
      size += n;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
