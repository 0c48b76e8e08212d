package dev.etlkit.sources.csv;

import dev.etlkit.sources.file.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The byte-order mark a file starts with, if any, and the charset that reads the rest. The charsets
 * that sense the byte order ("UTF-16", "UTF-32") are replaced by their explicit form, so that a reader
 * starting mid-file decodes the same way and measuring characters back into bytes counts no mark.
 */
record ByteOrderMark(Charset charset, int length) {

  /** The mark at the start of {@code first} (the file's first bytes) for a file said to be in {@code charset}. */
  static ByteOrderMark of(byte[] first, Charset charset) {
    String name = charset.name();
    boolean bigEndian = !name.endsWith("LE");
    boolean littleEndian = !name.endsWith("BE");
    if (name.equals("UTF-8") && startsWith(first, 0xEF, 0xBB, 0xBF)) {
      return new ByteOrderMark(charset, 3);
    }
    if (name.startsWith("UTF-32") && bigEndian && startsWith(first, 0x00, 0x00, 0xFE, 0xFF)) {
      return new ByteOrderMark(Charset.forName("UTF-32BE"), 4);
    }
    if (name.startsWith("UTF-32") && littleEndian && startsWith(first, 0xFF, 0xFE, 0x00, 0x00)) {
      return new ByteOrderMark(Charset.forName("UTF-32LE"), 4);
    }
    if (name.startsWith("UTF-16") && bigEndian && startsWith(first, 0xFE, 0xFF)) {
      return new ByteOrderMark(StandardCharsets.UTF_16BE, 2);
    }
    if (name.startsWith("UTF-16") && littleEndian && startsWith(first, 0xFF, 0xFE)) {
      return new ByteOrderMark(StandardCharsets.UTF_16LE, 2);
    }
    return switch (name) {
      case "UTF-16" -> new ByteOrderMark(StandardCharsets.UTF_16BE, 0);
      case "UTF-32" -> new ByteOrderMark(Charset.forName("UTF-32BE"), 0);
      default -> new ByteOrderMark(charset, 0);
    };
  }

  /** The charset that reads {@code file} from anywhere past its start: looks at its first bytes when it matters. */
  static Charset atStartOf(InputFile file, Charset charset) throws IOException {
    if (!charset.name().equals("UTF-16") && !charset.name().equals("UTF-32")) {
      return charset;
    }
    try (InputStream in = file.open(0)) {
      return of(in.readNBytes(4), charset).charset();
    }
  }

  private static boolean startsWith(byte[] bytes, int... mark) {
    if (bytes.length < mark.length) {
      return false;
    }
    for (int i = 0; i < mark.length; i++) {
      if ((bytes[i] & 0xFF) != mark[i]) {
        return false;
      }
    }
    return true;
  }
}
