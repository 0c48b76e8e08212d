package dev.etlkit.sinks.file;

/**
 * UTF-8 by hand, for the encoders that write text straight into byte buffers of their own (CSV rows,
 * {@code COPY} data): a {@code Writer} or {@code String.getBytes} per value costs more than the rest of
 * their work. A lone surrogate becomes {@code ?}, as the JDK's encoder writes it. The caller makes room
 * for 4 bytes first.
 */
public final class Utf8 {

  private Utf8() {
  }

  /** Writes {@code c}, a char that is not half of a surrogate pair, at {@code at}; returns the next position. */
  public static int put(byte[] buf, int at, char c) {
    if (c < 0x80) {
      buf[at++] = (byte) c;
    } else if (c < 0x800) {
      buf[at++] = (byte) (0xC0 | c >> 6);
      buf[at++] = (byte) (0x80 | c & 0x3F);
    } else if (Character.isSurrogate(c)) {
      buf[at++] = '?';
    } else {
      buf[at++] = (byte) (0xE0 | c >> 12);
      buf[at++] = (byte) (0x80 | c >> 6 & 0x3F);
      buf[at++] = (byte) (0x80 | c & 0x3F);
    }
    return at;
  }

  /** Writes a supplementary code point (one made of a surrogate pair) at {@code at}; returns the next position. */
  public static int putCodePoint(byte[] buf, int at, int cp) {
    buf[at++] = (byte) (0xF0 | cp >> 18);
    buf[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
    buf[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
    buf[at++] = (byte) (0x80 | cp & 0x3F);
    return at;
  }
}
