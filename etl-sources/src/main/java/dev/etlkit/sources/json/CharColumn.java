package dev.etlkit.sources.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The column an editor shows for a location Jackson reports. Over bytes Jackson counts columns in bytes
 * (an accented letter is two), counts a leading byte-order mark, and places a bad UTF-8 byte one column
 * after it; a user looking for the error counts characters.
 */
final class CharColumn {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CharColumn() {
  }

  /**
   * The 1-based character column of {@code at}, whose line holds {@code bytes[lineStart, lineEnd)} (a line
   * Jackson parsed on its own, so a byte-order mark at its start is skipped), for the error {@code e}
   * describes, or null for an error of ours at a token's location.
   */
  static int of(byte[] bytes, int lineStart, int lineEnd, JsonLocation at, @Nullable JsonProcessingException e) {
    try {
      return column(new ByteArrayInputStream(bytes, lineStart, lineEnd - lineStart), true, bytesBefore(at, e));
    } catch (IOException impossible) {
      throw new UncheckedIOException("a stream over memory failed", impossible);
    }
  }

  /**
   * The character column of {@code at} in a document that {@code in} reads from its start; reads up to the
   * location, which only an error needs. Lines end as Jackson counts them: LF, CR LF or a lone CR.
   */
  static int inDocument(InputStream in, JsonLocation at, @Nullable JsonProcessingException e) throws IOException {
    InputStream bytes = new BufferedInputStream(in);
    int line = 1;
    int previous = -1;
    while (line < at.getLineNr()) {
      int b = bytes.read();
      if (b < 0) {
        return at.getColumnNr();
      }
      if (b == '\r' || (b == '\n' && previous != '\r')) {
        line++;
      }
      previous = b;
    }
    if (previous == '\r') {
      // the line began after a CR: an LF right after it still belongs to the line break
      bytes.mark(1);
      if (bytes.read() != '\n') {
        bytes.reset();
      }
    }
    // only the document's first line can start with its byte-order mark
    return column(bytes, line == 1, bytesBefore(at, e));
  }

  /**
   * Counts the characters in the first {@code before} bytes of the line {@code line} reads from its start,
   * a byte-order mark there not counted when {@code mayStartWithBom}; {@code line} supports mark and reset.
   */
  private static int column(InputStream line, boolean mayStartWithBom, int before) throws IOException {
    line.mark(BOM.length);
    if (mayStartWithBom && Arrays.equals(line.readNBytes(BOM.length), BOM)) {
      before -= BOM.length;
    } else {
      line.reset();
    }
    int chars = 0;
    for (int i = 0; i < before; i++) {
      int b = line.read();
      if (b < 0) {
        break;
      }
      chars += startsCharacter((byte) b) ? 1 : 0;
    }
    return chars + 1;
  }

  /** How many bytes of its line come before {@code at}: Jackson places a bad UTF-8 byte one column after it. */
  private static int bytesBefore(JsonLocation at, @Nullable JsonProcessingException e) {
    boolean badUtf8 = e != null && String.valueOf(e.getOriginalMessage()).startsWith("Invalid UTF-8");
    return at.getColumnNr() - 1 - (badUtf8 ? 1 : 0);
  }

  /** Every UTF-8 character has exactly one byte that is not a continuation byte (10xxxxxx). */
  private static boolean startsCharacter(byte b) {
    return (b & 0xC0) != 0x80;
  }
}
