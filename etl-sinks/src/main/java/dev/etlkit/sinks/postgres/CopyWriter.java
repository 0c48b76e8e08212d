package dev.etlkit.sinks.postgres;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.etlkit.api.Record;
import dev.etlkit.sinks.file.Utf8;
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

  private final List<Binding> bindings;
  private final Chars jsonText = new Chars();
  private final JsonGenerator json;
  private byte[] buf = new byte[CHUNK + 1024];
  private int len;

  CopyWriter(List<Binding> bindings) {
    this.bindings = bindings;
    try {
      this.json = JsonValues.generator(jsonText);
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
      // not t/f: a text column stores what it is sent
      String s = b ? "true" : "false";
      appendEscaped(s, 0, s.length());
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
    appendEscaped(jsonText, 0, jsonText.length());
    jsonText.size = 0;
  }

  /** {@code s[from, end)} escaped for {@code COPY}'s text format, in UTF-8. */
  private void appendEscaped(CharSequence s, int from, int end) {
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
      ensure(4);
      if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
        len = Utf8.putCodePoint(buf, len, Character.toCodePoint(c, s.charAt(++i)));
      } else {
        putEscaped(c);
      }
    }
  }

  /** One char of a value, not half of a surrogate pair: backslash, tab, LF and CR escaped. */
  private void putEscaped(char c) {
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
        if (Character.isSurrogate(c)) {
          // Half a surrogate pair is no character. Sent in its 3-byte form, which the server refuses as
          // invalid UTF-8, the row is rejected alone (as one holding a NUL is) instead of stored with a '?'.
          buf[len++] = (byte) (0xE0 | c >> 12);
          buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
          buf[len++] = (byte) (0x80 | c & 0x3F);
        } else {
          len = Utf8.put(buf, len, c);
        }
      }
    }
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
  private static final class Chars extends Writer implements CharSequence {
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

    @Override
    public int length() {
      return size;
    }

    @Override
    public char charAt(int index) {
      return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
      return new String(chars, 0, size);
    }
  }
}
