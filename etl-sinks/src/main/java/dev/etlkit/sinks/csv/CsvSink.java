package dev.etlkit.sinks.csv;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkContext;
import dev.etlkit.sinks.file.PartFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records as CSV: UTF-8 without BOM, RFC 4180 minimal quoting (only cells holding the
 * delimiter, a quote, CR or LF are quoted; quotes are doubled), {@code \n} line endings by default.
 * Columns are the ones configured, or else the fields of the first record in their order, headed by
 * their names. See {@link Builder} for value formats.
 *
 * <p>The file is written under a temporary name and renamed into place when the run completes. Its
 * state is the committed byte length (and the derived columns): a resumed run truncates back to it, so
 * the final bytes equal an uninterrupted run's.
 *
 * <pre>{@code
 * Sink<Record> sink = CsvSink.builder(Path.of("output/employees.csv"))
 *     .column("id", "ID").column("name", "Name").column("joinDate", "Join Date")
 *     .booleans("Yes", "No")
 *     .build();
 * }</pre>
 */
public final class CsvSink implements Sink<Record> {

  private static final Logger LOG = LoggerFactory.getLogger(CsvSink.class);

  private static final String LENGTH = "length";
  private static final String FIELDS = "fields";

  private final Path path;
  private final List<CsvColumn> configured;
  private final boolean header;
  private final boolean append;
  private final CsvCells cells;
  private final CsvEncoder encoder;
  private @Nullable PartFile file;
  private @Nullable List<CsvColumn> columns;
  private final boolean plainNumbers;
  /** Whether the header was written, or found in the file appended to. */
  private boolean headerChecked;
  private List<String> checkedFields = List.of();
  private final java.util.Set<String> reportedLate = new java.util.HashSet<>();

  private CsvSink(Builder b) {
    this.path = b.path;
    this.configured = List.copyOf(b.columns);
    this.header = b.header;
    this.append = b.append;
    this.encoder = new CsvEncoder(b.delimiter, b.lineSeparator);
    this.cells = new CsvCells(b.datePattern, b.trueText, b.falseText, b.escapeFormulas);
    this.plainNumbers = encoder.writesNumbersPlain();
  }

  /** A sink with the defaults: columns from the first record, a header row, ISO dates, true/false. */
  public static CsvSink file(Path path) {
    return builder(path).build();
  }

  /** A builder for a sink writing {@code path}. */
  public static Builder builder(Path path) {
    return new Builder(path);
  }

  @Override
  public String name() {
    return path.getFileName().toString();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(SinkContext context) throws IOException {
    Map<String, Object> restored = context.restoredState();
    Long length = restored == null ? null : ((Number) restored.get(LENGTH)).longValue();
    file = PartFile.open(path, context.runId(), append, length, context.resumable());
    // a sink may serve several runs: nothing of the last one carries over
    headerChecked = false;
    checkedFields = List.of();
    reportedLate.clear();
    if (!configured.isEmpty()) {
      useColumns(configured);
    } else if (restored != null && restored.get(FIELDS) instanceof List<?> fields) {
      useColumns(((List<String>) fields).stream().map(CsvColumn::of).toList());
    } else {
      columns = null;
    }
  }

  @Override
  public void write(Chunk<Record> chunk) throws IOException {
    PartFile f = Objects.requireNonNull(file, "open() first");
    List<Record> items = chunk.items();
    if (items.isEmpty()) {
      return;
    }
    try {
      if (columns == null) {
        useColumns(items.get(0).fieldNames().stream().map(CsvColumn::of).toList());
      }
      writeHeaderIfNew(f);
      if (configured.isEmpty()) {
        reportLateFields(items);
      }
      for (Record r : items) {
        writeRow(r);
      }
      encoder.writeTo(f.buffer());
      f.commit();
    } catch (IOException | RuntimeException e) {
      // The encoder may hold half a batch: start over from the last commit.
      encoder.reset();
      f.discard();
      throw e;
    }
  }

  /**
   * Logs once each field that first appears after the first record, whose fields chose the columns:
   * it is not written, and naming it beats dropping it silently.
   */
  private void reportLateFields(List<Record> items) {
    List<CsvColumn> cols = Objects.requireNonNull(columns);
    for (Record r : items) {
      // names of one layout are the same strings: equals is mostly reference comparisons
      if (!r.fieldNames().equals(checkedFields)) {
        checkedFields = r.fieldNames();
        for (String field : checkedFields) {
          if (cols.stream().noneMatch(c -> c.field().equals(field)) && reportedLate.add(field)) {
            LOG.warn("sink '{}': field '{}' first appears after the first record, whose fields chose the columns;"
                + " it is not written", name(), field);
          }
        }
      }
    }
  }

  private void writeRow(Record r) {
    List<CsvColumn> cols = Objects.requireNonNull(columns);
    for (int i = 0, n = cols.size(); i < n; i++) {
      if (i > 0) {
        encoder.delimiter();
      }
      String field = cols.get(i).field();
      // Records usually hold the fields in column order: skip the lookup by name then.
      Object value = i < r.size() && r.nameAt(i).equals(field) ? r.valueAt(i) : r.get(field);
      // Numbers and dates go straight to bytes: a string per cell costs more than the rest of the row.
      if (value instanceof Long l && plainNumbers) {
        encoder.longCell(l);
      } else if (value instanceof LocalDate d && plainNumbers && cells.isoDates()) {
        encoder.isoDateCell(d);
      } else {
        encoder.cell(cells.format(value), i == 0);
      }
    }
    encoder.endRow();
  }

  private void writeHeaderIfNew(PartFile f) throws IOException {
    if (!header || headerChecked) {
      return;
    }
    String[] names = Objects.requireNonNull(columns).stream().map(CsvColumn::header).toArray(String[]::new);
    if (f.length() == 0) {
      encoder.row(names);
    } else {
      // appending under another file's header would put values in the wrong columns
      List<String> theirs;
      try (java.io.BufferedReader in = Files.newBufferedReader(f.working(), java.nio.charset.StandardCharsets.UTF_8)) {
        theirs = CsvHeaderLine.names(String.valueOf(in.readLine()), encoder.delimiterChar());
      }
      List<String> ours = java.util.Arrays.stream(names).map(String::strip).toList();
      if (!theirs.equals(ours)) {
        throw new EtlException("cannot append to " + path + ": its header is " + shortList(theirs)
            + " and this sink's is " + shortList(ours) + "; give the columns in the file's order");
      }
    }
    headerChecked = true;
  }

  /** A list for a message: a wide file's header could make one of a hundred kilobytes. */
  private static String shortList(List<String> names) {
    return names.size() <= 12 ? names.toString()
        : names.subList(0, 12).toString().replaceFirst("]$", ", ... (" + names.size() + " columns)]");
  }

  private void useColumns(List<CsvColumn> cols) {
    columns = cols;
  }

  @Override
  public Map<String, Object> state() {
    long length = file == null ? 0L : file.length();
    if (configured.isEmpty() && columns != null) {
      return Map.of(LENGTH, length, FIELDS, columns.stream().map(CsvColumn::field).toList());
    }
    return Map.of(LENGTH, length);
  }

  @Override
  public void complete() throws IOException {
    PartFile f = Objects.requireNonNull(file, "open() first");
    if (columns != null) {
      writeHeaderIfNew(f);
      encoder.writeTo(f.buffer());
      f.commit();
    }
    f.complete();
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }

  @Override
  public String definition() {
    return "csv " + path.toAbsolutePath().normalize() + " columns=" + configured + " header=" + header
        + " append=" + append + " plainNumbers=" + plainNumbers + " " + cells.definition() + " " + encoder.definition();
  }

  @Override
  public String toString() {
    return "CsvSink[" + path + "]";
  }

  /** Settings of a {@link CsvSink}; each setter returns this builder and rejects a bad argument at once. */
  public static final class Builder {
    private final Path path;
    private final List<CsvColumn> columns = new ArrayList<>();
    private boolean header = true;
    private String datePattern = "yyyy-MM-dd";
    private String trueText = "true";
    private String falseText = "false";
    private char delimiter = ',';
    private String lineSeparator = "\n";
    private boolean escapeFormulas;
    private boolean append;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    /** Adds a column showing {@code field} under {@code header}; columns keep the order they are added in. */
    public Builder column(String field, String header) {
      columns.add(new CsvColumn(field, header));
      return this;
    }

    /** Adds columns; without any, the first record's fields are the columns. */
    public Builder columns(List<CsvColumn> columns) {
      this.columns.addAll(columns);
      return this;
    }

    /** Whether the first line names the columns (default true). */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /**
     * The {@link java.time.format.DateTimeFormatter} pattern for dates (default {@code yyyy-MM-dd}); one
     * that needs more than a date (an hour, a zone) is refused here rather than at the first date.
     */
    public Builder datePattern(String pattern) {
      try {
        java.time.format.DateTimeFormatter.ofPattern(pattern).format(java.time.LocalDate.of(2000, 1, 1));
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("datePattern '" + pattern + "' needs more than a date: " + e.getMessage(), e);
      }
      this.datePattern = pattern;
      return this;
    }

    /** The words for true and false (default {@code true}/{@code false}; the employee profile uses Yes/No). */
    public Builder booleans(String trueText, String falseText) {
      this.trueText = Objects.requireNonNull(trueText, "trueText");
      this.falseText = Objects.requireNonNull(falseText, "falseText");
      return this;
    }

    /** The cell separator (default comma). */
    public Builder delimiter(char delimiter) {
      if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
        throw new IllegalArgumentException("delimiter must not be a quote, CR or LF");
      }
      this.delimiter = delimiter;
      return this;
    }

    /** The line ending: {@code \n} (the default) or {@code \r\n} (RFC 4180's). */
    public Builder lineSeparator(String lineSeparator) {
      if (!lineSeparator.equals("\n") && !lineSeparator.equals("\r\n")) {
        throw new IllegalArgumentException("lineSeparator must be \\n or \\r\\n");
      }
      this.lineSeparator = lineSeparator;
      return this;
    }

    /**
     * Prefixes text cells that start with {@code = + - @}, a tab or CR with a single quote, so that a
     * spreadsheet shows them instead of running them as formulas (off by default: it changes the data).
     */
    public Builder escapeFormulas(boolean escapeFormulas) {
      this.escapeFormulas = escapeFormulas;
      return this;
    }

    /** Adds rows to the end of an existing file (header only if it is empty) instead of replacing it. */
    public Builder append(boolean append) {
      this.append = append;
      return this;
    }

    /** The sink. */
    public CsvSink build() {
      return new CsvSink(this);
    }
  }
}
