package dev.etlkit.sources.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the file for the parser and turns the parser's character counts back into byte offsets,
 * so that a record's position can say where in the file the next record starts.
 *
 * <p>Why this is cheap: the parser asks for characters chunk by chunk, and for every chunk we know
 * exactly which bytes it came from (the decoder consumes whole characters only). A record always ends
 * inside the latest chunk or at its start. When a chunk has as many bytes as characters (ASCII text, or
 * any single-byte charset), an offset is plain arithmetic; otherwise the characters of the chunk are
 * measured once, left to right, as records end. A UTF-8, UTF-16 or UTF-32 byte-order mark is skipped here, as
 * bytes, and so never reaches the parser. Bytes that are not valid in the charset end the characters
 * there instead of being silently replaced; {@link #stoppedBy()} says so, and {@link CsvRows} fails the
 * file once the whole records before them are out.
 */
final class ByteOffsetReader extends Reader {

  private static final int BUFFER_SIZE = 64 * 1024;

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final boolean utf8;
  private final CharsetEncoder encoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
  private boolean endOfBytes;
  private boolean endOfChars;
  private boolean started;
  private long bytesDecoded;
  private MalformedBytesException pending;

  private char[] chunk = new char[0];
  private int chunkOffset;
  private int chunkLength;
  private long chunkFirstChar;
  private long chunkFirstByte;
  private long chunkEndByte;
  private int measuredChars;
  private long measuredBytes;

  /**
   * Reads {@code in}, whose first byte is at {@code startOffset} of the content. Past the start, the
   * charset must name its byte order (see {@link ByteOrderMark#atStartOf}).
   */
  ByteOffsetReader(InputStream in, Charset charset, long startOffset) throws IOException {
    this.in = in;
    this.bytesDecoded = startOffset;
    this.chunkFirstByte = startOffset;
    this.chunkEndByte = startOffset;
    Charset effective = startOffset == 0 ? skipByteOrderMark(charset) : charset;
    this.decoder = effective.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.utf8 = effective.equals(StandardCharsets.UTF_8);
    this.encoder = effective.newEncoder();
  }

  /** The byte offset in the content of the character at {@code charIndex} (counted from this reader's start). */
  long byteOffset(long charIndex) {
    int inChunk = (int) (charIndex - chunkFirstChar);
    if (inChunk == chunkLength) {
      return chunkEndByte;
    }
    if (inChunk < 0 || inChunk > chunkLength) {
      throw new IllegalStateException("character " + charIndex + " is outside the current chunk");
    }
    if (chunkEndByte - chunkFirstByte == chunkLength) {
      return chunkFirstByte + inChunk;
    }
    if (inChunk < measuredChars) {
      measuredChars = 0;
      measuredBytes = chunkFirstByte;
    }
    measuredBytes += encodedLength(chunk, chunkOffset + measuredChars, inChunk - measuredChars);
    measuredChars = inChunk;
    return measuredBytes;
  }

  /** Whether every character of the content has been handed out. */
  boolean atEnd() {
    return endOfChars;
  }

  /**
   * The bad bytes that ended the characters early, or null. The parser reads ahead (it refills its
   * buffer right after a record's last character), so the reader ends the input there instead of
   * throwing, and the parser hands out the records before the bad bytes; {@link CsvRows} then fails.
   */
  @Nullable MalformedBytesException stoppedBy() {
    return pending;
  }

  @Override
  public int read(char[] target, int off, int len) throws IOException {
    if (pending != null) {
      return -1;
    }
    chunkFirstChar += chunkLength;
    chunkFirstByte = chunkEndByte;
    chunk = target;
    chunkOffset = off;
    chunkLength = 0;
    measuredChars = 0;
    measuredBytes = chunkFirstByte;
    if (endOfChars || len == 0) {
      return endOfChars ? -1 : 0;
    }
    CharBuffer out = CharBuffer.wrap(target, off, len);
    while (out.position() == off) {
      if (!bytes.hasRemaining() && !endOfBytes) {
        fill();
      }
      int before = bytes.position();
      CoderResult result = decoder.decode(bytes, out, endOfBytes);
      bytesDecoded += bytes.position() - before;
      if (result.isError()) {
        pending = new MalformedBytesException(bytesDecoded, decoder.charset());
        if (out.position() == off) {
          return -1;
        }
        break;
      }
      if (result.isUnderflow() && out.position() == off) {
        if (endOfBytes) {
          decoder.flush(out);
          if (out.position() == off) {
            endOfChars = true;
            return -1;
          }
        } else {
          fill();
        }
      }
    }
    chunkLength = out.position() - off;
    chunkEndByte = bytesDecoded;
    return chunkLength;
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfBytes = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private Charset skipByteOrderMark(Charset charset) throws IOException {
    while (bytes.remaining() < 4 && !endOfBytes) {
      fill();
    }
    byte[] first = new byte[Math.min(4, bytes.remaining())];
    bytes.get(bytes.position(), first);
    ByteOrderMark mark = ByteOrderMark.of(first, charset);
    skip(mark.length());
    return mark.charset();
  }

  private void skip(int n) {
    bytes.position(bytes.position() + n);
    bytesDecoded += n;
    chunkFirstByte = bytesDecoded;
    chunkEndByte = bytesDecoded;
  }

  private int encodedLength(char[] chars, int from, int count) {
    if (utf8) {
      int n = 0;
      for (int i = from, end = from + count; i < end; i++) {
        char c = chars[i];
        // a surrogate pair is four bytes: two for each half
        n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
      }
      return n;
    }
    try {
      return encoder.reset().encode(CharBuffer.wrap(chars, from, count)).remaining();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("characters decoded from " + encoder.charset() + " do not encode back", e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
