package dev.etlkit.sinks.csv;

import dev.etlkit.sinks.file.Utf8;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Encodes CSV rows straight into UTF-8 bytes ({@link Utf8}), a batch at a time: RFC 4180 minimal quoting
 * (a cell is quoted only when it holds the delimiter, a quote, CR or LF, or when it starts a row with
 * {@code #}; quotes are doubled), null and empty cells written as nothing, everything else exactly as it
 * is. One pass over each cell, no intermediate strings: on millions of rows a general CSV writer and a
 * {@code Writer} over the bytes cost more than the rest of the sink.
 */
final class CsvEncoder {

  private final char delimiter;
  private final byte[] delimiterBytes;
  private final byte[] lineSeparator;
  private byte[] buf = new byte[1 << 16];
  private int len;

  CsvEncoder(char delimiter, String lineSeparator) {
    this.delimiter = delimiter;
    this.delimiterBytes = String.valueOf(delimiter).getBytes(StandardCharsets.UTF_8);
    this.lineSeparator = lineSeparator.getBytes(StandardCharsets.UTF_8);
  }

  /** Appends one row of cells, ended by the line separator. */
  void row(@Nullable String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        delimiter();
      }
      cell(cells[i], i == 0);
    }
    endRow();
  }

  /** Separates two cells of a row. */
  void delimiter() {
    bytes(delimiterBytes);
  }

  /** Ends a row. */
  void endRow() {
    bytes(lineSeparator);
  }

  /**
   * Whether numbers and ISO dates can be written as they are: their digits and {@code -} never need
   * quotes, unless one of them is the delimiter.
   */
  boolean writesNumbersPlain() {
    return delimiter < 0x80 && delimiter != '-' && !Character.isDigit(delimiter);
  }

  /** Appends a number, as {@link Long#toString(long)} writes it, without making that string. */
  void longCell(long v) {
    ensure(20);
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        text("-9223372036854775808", 0, 20);
        return;
      }
      buf[len++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long x = v; x >= 10; x /= 10) {
      digits++;
    }
    for (int i = len + digits - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    len += digits;
  }

  /** Appends a date as {@link LocalDate#toString()} writes it (yyyy-MM-dd for years 0 to 9999). */
  void isoDateCell(LocalDate d) {
    int year = d.getYear();
    if (year < 0 || year > 9999) {
      String s = d.toString();
      text(s, 0, s.length());
      return;
    }
    ensure(10);
    buf[len++] = (byte) ('0' + year / 1000);
    buf[len++] = (byte) ('0' + year / 100 % 10);
    buf[len++] = (byte) ('0' + year / 10 % 10);
    buf[len++] = (byte) ('0' + year % 10);
    buf[len++] = '-';
    buf[len++] = (byte) ('0' + d.getMonthValue() / 10);
    buf[len++] = (byte) ('0' + d.getMonthValue() % 10);
    buf[len++] = '-';
    buf[len++] = (byte) ('0' + d.getDayOfMonth() / 10);
    buf[len++] = (byte) ('0' + d.getDayOfMonth() % 10);
  }

  /** Writes the rows appended so far to {@code out} and forgets them. */
  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, len);
    len = 0;
  }

  /** Forgets the rows appended so far. */
  void reset() {
    len = 0;
  }

  /** Appends a text cell, quoted if it must be; {@code first}: the row's first cell. */
  void cell(@Nullable String s, boolean first) {
    if (s == null || s.isEmpty()) {
      return;
    }
    // a row starting with # reads as a comment to many CSV readers (Univocity's among them): quoted, it cannot
    boolean comment = first && s.charAt(0) == '#';
    if (!comment && plainAscii(s)) {
      return;
    }
    if (!comment && !needsQuotes(s)) {
      text(s, 0, s.length());
      return;
    }
    ensure(1);
    buf[len++] = '"';
    int from = 0;
    for (int q = s.indexOf('"'); q >= 0; q = s.indexOf('"', q + 1)) {
      text(s, from, q + 1);
      ensure(1);
      buf[len++] = '"';
      from = q + 1;
    }
    text(s, from, s.length());
    ensure(1);
    buf[len++] = '"';
  }

  private void bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  /** Writes {@code s} if it is ASCII that needs no quotes, the common case, in one pass; else writes nothing. */
  private boolean plainAscii(String s) {
    int n = s.length();
    ensure(n);
    int start = len;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == delimiter || c == '"' || c == '\n' || c == '\r') {
        len = start;
        return false;
      }
      buf[len++] = (byte) c;
    }
    return true;
  }

  private boolean needsQuotes(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /** UTF-8 of {@code s[from, to)}; ASCII, the common case, one byte a char. */
  private void text(String s, int from, int to) {
    int n = to;
    ensure(n - from);
    int i = from;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        break;
      }
      buf[len++] = (byte) c;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      ensure(4);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        len = Utf8.putCodePoint(buf, len, Character.toCodePoint(c, s.charAt(++i)));
      } else {
        len = Utf8.put(buf, len, c);
      }
    }
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  /** The delimiter and line separator, for the sink's definition. */
  String definition() {
    return "delimiter=" + (int) delimiter + " lineSeparator=" + java.util.Arrays.toString(lineSeparator);
  }

  /** The delimiter between cells. */
  char delimiterChar() {
    return delimiter;
  }
}
