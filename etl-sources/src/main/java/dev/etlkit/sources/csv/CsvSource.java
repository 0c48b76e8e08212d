package dev.etlkit.sources.csv;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceContext;
import dev.etlkit.api.SourceItem;
import dev.etlkit.sources.file.InputFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file (RFC 4180 and the real world, parsed by Univocity) as records named by its header,
 * streaming, so the file's size does not matter.
 *
 * <pre>{@code
 * Source<Record> people = CsvSource.file(Path.of("data/employees.csv")).build();
 * Source<Record> semicolons = CsvSource.file(Path.of("export.csv.gz"))
 *     .delimiter(';').charset(Charset.forName("windows-1252")).build();
 * }</pre>
 *
 * <p>Every value is the string written in the file: an empty field is {@code ""}, a quoted CRLF stays
 * CRLF, and a UTF-8 byte-order mark is not data. Blank lines (and comment lines, when a comment
 * character is set) are skipped. A record with broken quoting or the wrong number of columns is
 * rejected alone; a quote that is never closed fails the source after the records before it. Each
 * record's position is its first line plus the byte offset after it, so a resumed run seeks straight
 * to the next record.
 */
public final class CsvSource implements Source<Record> {

  private final InputFile file;
  private final CsvFormat format;
  private final boolean header;
  private final String @Nullable [] columns;
  private final boolean strict;

  private @Nullable CsvRows rows;
  private Record.Layout layout = Record.layout();
  private int width = -1;

  private CsvSource(Builder b) {
    this.file = InputFile.of(b.path, b.gzip != null ? b.gzip : InputFile.isGzipName(b.path));
    this.format = new CsvFormat(b.delimiter, b.quote, b.escape != null ? b.escape : b.quote, b.comment, b.trim,
        b.charset, b.maxFieldChars);
    this.header = b.header;
    this.columns = b.columns;
    this.strict = b.strict;
  }

  /** A builder for a source reading {@code path}; check its options, then {@link Builder#build()}. */
  public static Builder file(Path path) {
    return new Builder(path);
  }

  @Override
  public String name() {
    return file.name();
  }

  @Override
  public void open(SourceContext context) throws IOException {
    Position after = context.resumeAfter();
    if (columns != null) {
      layout = Record.layout(columns);
      width = columns.length;
    }
    rows = header || after == null ? start(0, 1) : null;
    if (header && rows.next()) {
      String[] found = CsvHeader.names(rows, name(), columns != null);
      if (columns == null) {
        layout = Record.layout(found);
        width = found.length;
      }
    }
    if (after != null) {
      // the header was read from the start; the records go on right after the last committed one
      close();
      rows = start(after.getLong("offset", 0), after.getLong("nextLine", 1));
    }
  }

  @Override
  public @Nullable SourceItem<Record> read() {
    CsvRows r = Objects.requireNonNull(rows, "read() before open()");
    if (!r.next()) {
      return null;
    }
    String[] values = r.values();
    String problem = r.wellQuoted() ? null : r.problem(layout.fieldNames());
    if (width < 0) {
      width = values.length;
    }
    if (problem == null && strict && values.length != width) {
      problem = "expected " + width + " columns but found " + values.length;
    }
    if (problem != null) {
      return SourceItem.rejected(r.raw(), r.position(), problem);
    }
    return SourceItem.of(toRecord(values), r.position());
  }

  private Record toRecord(String[] values) {
    if (layout.size() < values.length && columns == null && !header) {
      layout = Record.layout(CsvHeader.generated(values.length));
    }
    if (values.length == layout.size()) {
      return layout.record((Object[]) values);
    }
    // only when not strict: missing values are null, extra ones dropped
    return layout.record(Arrays.copyOf(values, layout.size(), Object[].class));
  }

  private CsvRows start(long offset, long line) throws IOException {
    try {
      return new CsvRows(file, format, offset, line);
    } catch (IOException e) {
      throw file.openFailure(offset, e);
    }
  }

  @Override
  public long bytesRead() {
    return file.bytesRead();
  }

  @Override
  public long totalBytes() {
    return file.size();
  }

  @Override
  public void close() {
    if (rows != null) {
      rows.close();
      rows = null;
    }
  }

  @Override
  public String definition() {
    return "csv " + file.path().toAbsolutePath().normalize() + " " + format + " header=" + header
        + (columns == null ? "" : " columns=" + java.util.Arrays.toString(columns)) + " strict=" + strict;
  }

  @Override
  public String toString() {
    return "CsvSource[" + file + "]";
  }

  /** Options of a {@link CsvSource}; every setter checks its argument at once. */
  public static final class Builder {
    private final Path path;
    private char delimiter = ',';
    private char quote = '"';
    private @Nullable Character escape;
    private char comment = CsvFormat.NO_COMMENT;
    private boolean header = true;
    private String @Nullable [] columns;
    private Charset charset = StandardCharsets.UTF_8;
    private boolean trim;
    private boolean strict = true;
    private @Nullable Boolean gzip;
    private int maxFieldChars = 1_000_000;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    /** The field separator; default {@code ','}. */
    public Builder delimiter(char delimiter) {
      this.delimiter = special("delimiter", delimiter);
      return this;
    }

    /** The quote character; default {@code '"'}. */
    public Builder quote(char quote) {
      this.quote = special("quote", quote);
      return this;
    }

    /** The character that escapes a quote inside quotes; default the quote itself ({@code ""}). */
    public Builder escape(char escape) {
      this.escape = special("escape", escape);
      return this;
    }

    /** Lines whose first field starts with this character are skipped; default none. */
    public Builder comment(char comment) {
      this.comment = special("comment", comment);
      return this;
    }

    /** Whether the first line names the columns; default true. */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /** The column names, replacing the header's (or naming the columns of a file without one). */
    public Builder columns(List<String> columns) {
      String[] c = columns.toArray(new String[0]);
      if (c.length == 0) {
        throw new IllegalArgumentException("columns must name at least one column");
      }
      if (Arrays.stream(c).distinct().count() != c.length) {
        throw new IllegalArgumentException("columns must be distinct, were " + columns);
      }
      this.columns = c;
      return this;
    }

    /** The file's encoding; default UTF-8. */
    public Builder charset(Charset charset) {
      this.charset = Objects.requireNonNull(charset, "charset");
      return this;
    }

    /** Whether spaces around values (quoted or not) are removed; default false. */
    public Builder trim(boolean trim) {
      this.trim = trim;
      return this;
    }

    /**
     * Whether a record with more or fewer values than columns is rejected (default); when false, missing
     * values are null and extra values are dropped.
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Whether the file is gzipped; default: when its name ends in {@code .gz}. */
    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
      return this;
    }

    /** The longest value, in characters, before the source fails (a runaway quote); default 1,000,000. */
    public Builder maxFieldChars(int maxFieldChars) {
      if (maxFieldChars < 1) {
        throw new IllegalArgumentException("maxFieldChars must be >= 1, was " + maxFieldChars);
      }
      this.maxFieldChars = maxFieldChars;
      return this;
    }

    /** The source; fails with a {@link ConfigException} when the file cannot be read or the characters clash. */
    public CsvSource build() {
      char esc = escape != null ? escape : quote;
      if (delimiter == quote || delimiter == esc || delimiter == comment) {
        throw new ConfigException("csv source " + path + ": the delimiter '" + delimiter
            + "' is also the quote, escape or comment character");
      }
      return new CsvSource(this);
    }

    private static char special(String what, char c) {
      if (c == '\n' || c == '\r' || c == '\0') {
        throw new IllegalArgumentException(what + " must not be a line break or NUL");
      }
      return c;
    }
  }
}
