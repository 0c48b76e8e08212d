package dev.etlkit.sources.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.SourceItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * NDJSON: one JSON object per line, each parsed on its own so that a bad line is rejected alone. Lines
 * are split on bytes (UTF-8 never has a newline byte inside a character), which gives every line its
 * exact byte offset for resuming. Blank lines are skipped; a CR before the LF is JSON white space.
 */
final class NdjsonLines implements AutoCloseable {

  /** A line longer than this is not NDJSON; stop rather than buffer the file. */
  static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

  private final String name;
  private final InputStream in;
  private final JsonValues values = new JsonValues();
  private byte[] buffer = new byte[64 * 1024];
  private int start;
  private int end;
  private long bufferOffset;
  private long nextLine;
  private boolean endOfInput;

  /** Reads {@code in}, whose first byte is byte {@code offset} of the file and starts line {@code firstLine}. */
  NdjsonLines(String name, InputStream in, long offset, long firstLine) throws IOException {
    this.name = name;
    this.in = in;
    this.bufferOffset = offset;
    this.nextLine = firstLine;
    if (offset == 0) {
      fill();
      if (end >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
        start = 3;
      }
    }
  }

  /** The next object or rejected line, or null at the end. */
  @Nullable SourceItem<Record> next() throws IOException {
    while (true) {
      int newline = findNewline();
      if (newline < 0 && start == end) {
        return null;
      }
      int lineEnd = newline < 0 ? end : newline;
      int lineStart = start;
      start = newline < 0 ? end : newline + 1;
      long line = nextLine++;
      if (isBlank(lineStart, lineEnd)) {
        continue;
      }
      Position position = Position.at("line", line, "offset", bufferOffset + start, "nextLine", nextLine);
      return parse(lineStart, lineEnd, position);
    }
  }

  private SourceItem<Record> parse(int from, int to, Position position) throws IOException {
    try (JsonParser p = JsonValues.FACTORY.createParser(buffer, from, to - from)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        return SourceItem.rejected(text(from, to), position, "expected a JSON object but found " + JsonValues.describe(t));
      }
      Record record = values.record(p);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        return SourceItem.rejected(text(from, to), position, "expected one JSON object on the line but found "
            + JsonValues.describe(extra) + " after it at column " + CharColumn.of(buffer, from, to, p.currentTokenLocation(), null));
      }
      return SourceItem.of(record, position);
    } catch (JsonProcessingException e) {
      String column = e.getLocation() == null ? "" : "column " + CharColumn.of(buffer, from, to, e.getLocation(), e) + ": ";
      return SourceItem.rejected(text(from, to), position, "invalid JSON at " + column + JsonValues.message(e));
    }
  }

  // Index of the next LF at or after start, reading more input as needed; -1 at the end of input.
  private int findNewline() throws IOException {
    int scanned = start;
    while (true) {
      for (int i = scanned; i < end; i++) {
        if (buffer[i] == '\n') {
          return i;
        }
      }
      if (endOfInput) {
        return -1;
      }
      scanned = end - start;
      fill();
      scanned += start;
    }
  }

  // Moves the unread part to the front (growing the buffer for a long line) and reads more after it.
  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      bufferOffset += start;
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      if (buffer.length >= MAX_LINE_BYTES) {
        throw new EtlException(name + " line " + nextLine + ": longer than " + MAX_LINE_BYTES + " bytes; is this NDJSON?");
      }
      buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_LINE_BYTES));
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      endOfInput = true;
    } else {
      end += n;
    }
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private String text(int from, int to) {
    int t = to > from && buffer[to - 1] == '\r' ? to - 1 : to;
    return new String(buffer, from, t - from, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
