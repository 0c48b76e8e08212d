package dev.etlkit.sources.csv;

import com.univocity.parsers.common.ParsingContext;
import com.univocity.parsers.csv.CsvParser;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.sources.file.InputFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One pass of Univocity over a CSV file from a byte offset, telling for each record the line it
 * starts on, the line after it and the byte offset after it, and whether its quoting is broken.
 * Blank lines and comment lines are skipped here.
 *
 * <p>Univocity counts lines as it reads (see {@link CsvFormat} for what keeps that count right): a record
 * starts on the line after the one the previous record ended on.
 */
final class CsvRows implements AutoCloseable {

  private final String name;
  private final CsvFormat format;
  private final ByteOffsetReader reader;
  private final CsvParser parser;
  private final ParsingContext context;
  private final QuoteCheck quotes;

  private String[] values = new String[0];
  private final long lineBase;
  private long line;
  private long nextLine;
  private long endOffset;
  private @Nullable String raw;
  private QuoteCheck.@Nullable Finding finding;

  /** Starts reading {@code file} at byte {@code offset}, which is the start of line {@code firstLine}. */
  CsvRows(InputFile file, CsvFormat format, long offset, long firstLine) throws IOException {
    this.name = file.name();
    this.format = format;
    this.nextLine = firstLine;
    this.lineBase = firstLine - 1;
    this.endOffset = offset;
    this.quotes = new QuoteCheck(format.delimiter(), format.quote(), format.escape(), format.trim());
    Charset charset = offset == 0 ? format.charset() : ByteOrderMark.atStartOf(file, format.charset());
    this.reader = new ByteOffsetReader(file.open(offset), charset, offset);
    this.parser = new CsvParser(format.parserSettings());
    try {
      parser.beginParsing(reader);
    } catch (RuntimeException e) {
      reader.close();
      throw translate(e);
    }
    this.context = parser.getContext();
  }

  /** Moves to the next record that is neither blank nor a comment; false at the end of the file. */
  boolean next() {
    while (true) {
      String[] row;
      try {
        row = parser.parseNext();
      } catch (RuntimeException e) {
        throw translate(e);
      }
      MalformedBytesException bad = reader.stoppedBy();
      if (row == null) {
        if (bad != null) {
          throw badBytes(bad, nextLine);
        }
        return false;
      }
      if (bad != null) {
        String content = String.valueOf(context.currentParsedContent());
        QuoteCheck.Finding open = quotes.check(withoutLineEnd(content));
        if (!endsWithLineEnd(content) || open != null && open.kind() == QuoteCheck.Kind.UNCLOSED_QUOTE) {
          // the record ran into the bad bytes (the parser closed its quote at the early end): it is not
          // whole, so it is not handed out; the bad bytes sit on the record's last line read
          throw badBytes(bad, nextLine + content.chars().filter(c -> c == '\n').count());
        }
      }
      raw = null;
      finding = null;
      line = nextLine;
      nextLine = lineBase + context.currentLine() + 1;
      endOffset = reader.byteOffset(context.currentChar());
      boolean quoteInValue = scan(row);
      if (reader.atEnd()) {
        failOnUnclosedQuote();
      }
      if (isBlank(row) || isComment(row)) {
        continue;
      }
      values = row;
      if (quoteInValue) {
        finding = quotes.check(raw());
      }
      return true;
    }
  }

  /** The values of the current record, as written. */
  String[] values() {
    return values;
  }

  /** The line the current record starts on. */
  long line() {
    return line;
  }

  /** Whether the current record's quoting is right; else {@link #problem} says what is wrong. */
  boolean wellQuoted() {
    return finding == null;
  }

  /** What is wrong with the current record's quoting, or null; fields named from {@code names} where it has them. */
  @Nullable String problem(List<String> names) {
    return finding == null ? null : finding.message(raw(), names);
  }

  /** The current record's text as in the file, without its line end. */
  String raw() {
    if (raw == null) {
      String content = context.currentParsedContent();
      raw = content == null ? "" : withoutLineEnd(content);
    }
    return raw;
  }

  /** Where the current record is, and where the next one starts. */
  Position position() {
    return Position.at("line", line, "offset", endOffset, "nextLine", nextLine);
  }

  // Finds quotes in values (only broken or escaped quoting puts them there) and drops the CR of a CRLF
  // line end from the last value.
  private boolean scan(String[] row) {
    boolean quoteInValue = false;
    char quote = format.quote();
    for (String v : row) {
      if (v.indexOf(quote) >= 0) {
        quoteInValue = true;
      }
    }
    String last = row[row.length - 1];
    if (!last.isEmpty() && last.charAt(last.length() - 1) == '\r') {
      row[row.length - 1] = last.substring(0, last.length() - 1);
    }
    return quoteInValue;
  }

  private boolean isBlank(String[] row) {
    return row.length == 1 && row[0].isBlank();
  }

  private boolean isComment(String[] row) {
    return format.comment() != CsvFormat.NO_COMMENT && !row[0].isEmpty() && row[0].charAt(0) == format.comment();
  }

  // An unclosed quote swallows the rest of the file into one value, so it can only be the last record.
  private void failOnUnclosedQuote() {
    QuoteCheck.Finding f = quotes.check(raw());
    if (f != null && f.kind() == QuoteCheck.Kind.UNCLOSED_QUOTE) {
      String text = raw();
      long opened = line;
      for (int i = 0; i < f.index(); i++) {
        if (text.charAt(i) == '\n') {
          opened++;
        }
      }
      throw new EtlException(name + " line " + opened + ": quote opened here is never closed");
    }
  }

  private EtlException translate(RuntimeException e) {
    String where = name + " line " + nextLine + ": ";
    String message = String.valueOf(e.getMessage());
    if (message.contains("exceeds the maximum number of characters")) {
      return new EtlException(where + "a field is longer than " + format.maxFieldChars()
          + " characters; a quote may never be closed (raise maxFieldChars if the field is real)", e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EtlException etl) {
        return etl;
      }
      if (t instanceof ArrayIndexOutOfBoundsException) {
        return new EtlException(where + "more than " + CsvFormat.MAX_COLUMNS + " columns", e);
      }
    }
    return new EtlException(where + "cannot parse: " + message.lines().findFirst().orElse(""), e);
  }

  private EtlException badBytes(MalformedBytesException bad, long atLine) {
    return new EtlException(name + " line " + atLine + ": " + bad.getMessage() + "; set the charset option to the file's encoding", bad);
  }

  private static boolean endsWithLineEnd(@Nullable String content) {
    return content != null && !content.isEmpty() && content.charAt(content.length() - 1) == '\n';
  }

  private static String withoutLineEnd(String s) {
    int end = s.length();
    if (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    if (end > 0 && s.charAt(end - 1) == '\r') {
      end--;
    }
    return s.substring(0, end);
  }

  @Override
  public void close() {
    parser.stopParsing();
    try {
      reader.close();
    } catch (IOException e) {
      // nothing was written, so nothing is lost
    }
  }
}
