package dev.etlkit.sources.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.etlkit.api.ConfigException;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceContext;
import dev.etlkit.api.SourceItem;
import dev.etlkit.sources.file.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON objects from a file as records, streaming: the items of a top-level array, a single
 * object, the array in a named field of an object, or NDJSON (one object per line). The file is
 * UTF-8 (a byte-order mark is skipped) and may be gzipped.
 *
 * <pre>{@code
 * Source<Record> contractors = JsonSource.file(Path.of("data/contractors.json")).build();
 * Source<Record> events = JsonSource.file(Path.of("events.ndjson.gz")).format(JsonFormat.NDJSON).build();
 * Source<Record> wrapped = JsonSource.file(Path.of("export.json")).itemsField("data.items").build();
 * }</pre>
 *
 * <p>Numbers keep their precision: whole numbers are {@code Long} ({@code BigDecimal} beyond its range),
 * others {@code BigDecimal}; nested objects and arrays are maps and lists. An item that is not an object
 * is rejected alone. In NDJSON a line that is not valid JSON is rejected alone too; in a document a
 * syntax error fails the source with its line and column, after the items before it. Positions are the
 * item's index (a document, resumed by skipping that many items) or its line and the byte offset after
 * it (NDJSON, resumed by seeking).
 */
public final class JsonSource implements Source<Record> {

  private final InputFile file;
  private final JsonFormat format;
  private final @Nullable String itemsField;

  private @Nullable JsonDocument document;
  private @Nullable NdjsonLines lines;

  private JsonSource(Builder b) {
    this.file = InputFile.of(b.path, b.gzip != null ? b.gzip : InputFile.isGzipName(b.path));
    this.format = b.format;
    this.itemsField = b.itemsField;
  }

  /** A builder for a source reading {@code path}; set its options, then {@link Builder#build()}. */
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
    if (resolvedFormat() == JsonFormat.NDJSON) {
      long offset = after == null ? 0 : after.getLong("offset", 0);
      lines = new NdjsonLines(name(), openAt(offset), offset, after == null ? 1 : after.getLong("nextLine", 1));
    } else {
      document = new JsonDocument(name(), openAt(0), file::content, itemsField, after == null ? 0 : after.getLong("item", 0));
    }
  }

  @Override
  public @Nullable SourceItem<Record> read() throws IOException {
    if (lines != null) {
      return lines.next();
    }
    return Objects.requireNonNull(document, "read() before open()").next();
  }

  private JsonFormat resolvedFormat() throws IOException {
    if (format != JsonFormat.AUTO) {
      return format;
    }
    if (namedNdjson(name())) {
      return JsonFormat.NDJSON;
    }
    if (itemsField != null) {
      return JsonFormat.ARRAY;
    }
    return firstLineHoldsAWholeObjectWithMoreAfterIt() ? JsonFormat.NDJSON : JsonFormat.ARRAY;
  }

  /** Whether a file's name says NDJSON: {@code .ndjson} or {@code .jsonl}, gzipped or not. */
  private static boolean namedNdjson(String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
    return n.endsWith(".ndjson") || n.endsWith(".jsonl");
  }

  private boolean firstLineHoldsAWholeObjectWithMoreAfterIt() throws IOException {
    try (InputStream in = openAt(0); JsonParser p = JsonValues.FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      p.skipChildren();
      return p.currentLocation().getLineNr() == 1 && p.nextToken() != null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // let the document reader report it with its location
      return false;
    }
  }

  private InputStream openAt(long offset) throws IOException {
    try {
      return file.open(offset);
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
  public void close() throws IOException {
    if (document != null) {
      document.close();
      document = null;
    }
    if (lines != null) {
      lines.close();
      lines = null;
    }
  }

  @Override
  public String definition() {
    return "json " + file.path().toAbsolutePath().normalize() + " " + format + " items=" + itemsField;
  }

  @Override
  public String toString() {
    return "JsonSource[" + file + "]";
  }

  /** Options of a {@link JsonSource}. */
  public static final class Builder {
    private final Path path;
    private JsonFormat format = JsonFormat.AUTO;
    private @Nullable String itemsField;
    private @Nullable Boolean gzip;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    /** How the file holds its items; default {@link JsonFormat#AUTO}. */
    public Builder format(JsonFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /** The field of the top-level object that holds the array of items; a dotted path reaches into nested objects. */
    public Builder itemsField(String itemsField) {
      if (itemsField.isBlank() || itemsField.startsWith(".") || itemsField.endsWith(".") || itemsField.contains("..")) {
        throw new IllegalArgumentException("itemsField must be a field name or a dotted path such as data.items, was \""
            + itemsField + "\"");
      }
      this.itemsField = itemsField;
      return this;
    }

    /** Whether the file is gzipped; default: when its name ends in {@code .gz}. */
    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
      return this;
    }

    /** The source; fails with a {@link ConfigException} when the file cannot be read or NDJSON is given an items field. */
    public JsonSource build() {
      boolean ndjson = format == JsonFormat.NDJSON
          || format == JsonFormat.AUTO && namedNdjson(String.valueOf(path.getFileName()));
      if (ndjson && itemsField != null) {
        throw new ConfigException("json source " + path + ": itemsField does not apply to NDJSON"
            + (format == JsonFormat.AUTO ? " (its name says NDJSON; give \"format\": \"array\" if it is one JSON document)" : ""));
      }
      return new JsonSource(this);
    }
  }
}
