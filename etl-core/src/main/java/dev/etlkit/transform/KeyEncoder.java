package dev.etlkit.transform;

import dev.etlkit.api.Record;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the key fields of a record as bytes into a reused buffer: per field a type tag, a varint
 * length and the value's bytes, so that {@code ("a", "bc")} and {@code ("ab", "c")} differ, and so do
 * the text {@code "42"} and the number {@code 42}. Numbers equal in value are one key ({@code 42},
 * {@code 42.0}), also inside lists and maps. Not thread-safe: one per {@link Deduplicate}, which runs on one thread.
 */
final class KeyEncoder {

  private final String[] fields;
  private byte[] buf = new byte[64];
  private int len;

  KeyEncoder(String[] fields) {
    this.fields = fields;
  }

  /** Encodes the record's key; the bytes are {@link #bytes()}{@code [0, }{@link #length()}{@code )}. */
  void encode(Record record) {
    len = 0;
    for (String field : fields) {
      value(record.get(field));
    }
  }

  private void value(Object v) {
    if (v == null) {
      put((byte) 0);
    } else if (v instanceof String s) {
      putText((byte) 'S', s);
    } else if (v instanceof Boolean b) {
      put((byte) (b ? 'T' : 'F'));
    } else if (v instanceof List<?> list) {
      // element by element, so that ["a, b"] and ["a", "b"] differ and [42] equals [42.0]
      put((byte) 'L');
      putVarint(list.size());
      for (Object element : list) {
        value(element);
      }
    } else if (v instanceof Map<?, ?> map) {
      // entries in key order: maps equal whatever their order are one key
      put((byte) 'M');
      putVarint(map.size());
      TreeMap<String, Object> sorted = new TreeMap<>();
      map.forEach((k, e) -> sorted.put(String.valueOf(k), e));
      sorted.forEach((k, e) -> {
        putText((byte) 'S', k);
        value(e);
      });
    } else {
      BigDecimal d = Numbers.decimal(v);
      if (d != null) {
        putText((byte) 'N', (String) Text.numberToText(d));
      } else {
        // a date, an instant...: its type and text, so that values of two types never meet
        putText((byte) 'O', v.getClass().getName() + ':' + v);
      }
    }
  }

  byte[] bytes() {
    return buf;
  }

  int length() {
    return len;
  }

  private void putText(byte tag, String s) {
    int n = s.length();
    ensure(1 + 5 + n);
    int start = len;
    buf[len++] = tag;
    // optimistic: ASCII is one byte a char, its length is known before writing
    putVarint(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        len = start;
        putBytes(tag, s.getBytes(StandardCharsets.UTF_8));
        return;
      }
      buf[len++] = (byte) c;
    }
  }

  private void putBytes(byte tag, byte[] bytes) {
    ensure(1 + 5 + bytes.length);
    buf[len++] = tag;
    putVarint(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  private void putVarint(int v) {
    ensure(5);
    while (v >= 0x80) {
      buf[len++] = (byte) (v & 0x7F | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  private void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
