package dev.etlkit.sinks.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.etlkit.api.Chunk;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkContext;
import dev.etlkit.sinks.file.PartFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes records to a JSON file: an array of objects (by default indented by two spaces, as
 * {@code JSON.stringify(records, null, 2)} does) or NDJSON. Fields keep the record's order; see
 * {@link JsonValues} for how values look.
 *
 * <p>The file is written under a temporary name and renamed into place when the run completes. Its
 * state is the committed byte length and item count: a resumed run truncates back to them, so the
 * final bytes equal an uninterrupted run's.
 *
 * <pre>{@code
 * Sink<Record> sink = JsonSink.file(Path.of("output/employees.json"));
 * Sink<Record> compact = JsonSink.builder(Path.of("output/x.json")).pretty(false).build();
 * }</pre>
 */
public final class JsonSink implements Sink<Record> {

  private static final String LENGTH = "length";
  private static final String ITEMS = "items";

  private final Path path;
  private final JsonFormat format;
  private final boolean pretty;
  private final boolean append;
  private @Nullable PartFile file;
  private @Nullable JsonGenerator generator;
  private long items;

  private JsonSink(Builder b) {
    this.path = b.path;
    this.format = b.format == null ? JsonFormat.forFile(b.path) : b.format;
    this.pretty = b.pretty && format == JsonFormat.ARRAY;
    this.append = b.append;
  }

  /** A sink with the defaults: an indented array, or NDJSON for {@code .ndjson} and {@code .jsonl} files. */
  public static JsonSink file(Path path) {
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
  public void open(SinkContext context) throws IOException {
    Map<String, Object> restored = context.restoredState();
    Long length = restored == null ? null : ((Number) restored.get(LENGTH)).longValue();
    items = restored == null ? 0 : ((Number) restored.get(ITEMS)).longValue();
    file = PartFile.open(path, context.runId(), append, length, context.resumable());
    generator = newGenerator(file);
    if (format == JsonFormat.ARRAY && length == null) {
      generator.writeRaw('[');
      generator.flush();
      file.commit();
    }
  }

  @Override
  public void write(Chunk<Record> chunk) throws IOException {
    PartFile f = Objects.requireNonNull(file, "open() first");
    JsonGenerator g = Objects.requireNonNull(generator);
    long before = items;
    try {
      for (Record r : chunk.items()) {
        writeItem(g, r);
        items++;
      }
      g.flush();
      f.commit();
    } catch (IOException | RuntimeException e) {
      // The generator may hold half an object: start over from the last commit.
      f.discard();
      items = before;
      generator = newGenerator(f);
      throw e;
    }
  }

  private void writeItem(JsonGenerator g, Record r) throws IOException {
    if (format == JsonFormat.NDJSON) {
      JsonValues.writeRecord(g, r);
      g.writeRaw('\n');
      return;
    }
    if (pretty) {
      g.writeRaw(items == 0 ? "\n  " : ",\n  ");
    } else if (items > 0) {
      g.writeRaw(',');
    }
    JsonValues.writeRecord(g, r);
  }

  @Override
  public Map<String, Object> state() {
    return Map.of(LENGTH, file == null ? 0L : file.length(), ITEMS, items);
  }

  @Override
  public void complete() throws IOException {
    PartFile f = Objects.requireNonNull(file, "open() first");
    if (format == JsonFormat.ARRAY) {
      JsonGenerator g = Objects.requireNonNull(generator);
      g.writeRaw(pretty && items > 0 ? "\n]\n" : "]\n");
      g.flush();
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

  private JsonGenerator newGenerator(PartFile f) throws IOException {
    JsonGenerator g = JsonValues.FACTORY.createGenerator(f.buffer());
    if (pretty) {
      g.setPrettyPrinter(prettyPrinter());
    }
    return g;
  }

  /** Two-space indentation one level in, because each object sits inside the array we frame ourselves. */
  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n  ");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("")
        .withRootSeparator(null);
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }

  @Override
  public String definition() {
    return "json " + path.toAbsolutePath().normalize() + " " + format + " pretty=" + pretty + " append=" + append;
  }

  @Override
  public String toString() {
    return "JsonSink[" + path + ", " + format + "]";
  }

  /** Settings of a {@link JsonSink}; each setter returns this builder. */
  public static final class Builder {
    private final Path path;
    private @Nullable JsonFormat format;
    private boolean pretty = true;
    private boolean append;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    /** Array or NDJSON; by default NDJSON for {@code .ndjson} and {@code .jsonl} files, an array otherwise. */
    public Builder format(JsonFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /** Whether an array is indented by two spaces (default) or written on one line. NDJSON is always compact. */
    public Builder pretty(boolean pretty) {
      this.pretty = pretty;
      return this;
    }

    /** Adds to the end of an existing NDJSON file instead of replacing it (no temporary file). */
    public Builder append(boolean append) {
      this.append = append;
      return this;
    }

    /** The sink; fails when appending was asked for an array, which cannot be appended to. */
    public JsonSink build() {
      JsonFormat f = format == null ? JsonFormat.forFile(path) : format;
      if (append && f == JsonFormat.ARRAY) {
        throw new IllegalArgumentException("append needs format NDJSON; a JSON array cannot be appended to");
      }
      return new JsonSink(this);
    }
  }
}
