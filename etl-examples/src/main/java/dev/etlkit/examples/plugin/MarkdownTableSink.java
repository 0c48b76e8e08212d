package dev.etlkit.examples.plugin;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes records as a Markdown table, for a report people read on a code host. The columns are given,
 * or the first record's fields. Its state is the committed length and the columns: a resumed run cuts
 * the file back to that length, so nothing written after the last checkpoint appears twice.
 *
 * <pre>{@code
 * Sink<Record> sink = new MarkdownTableSink(Path.of("output/employees.md"), List.of("id", "name"));
 * }</pre>
 */
public final class MarkdownTableSink implements Sink<Record> {

  private final Path path;
  private final List<String> configured;
  private List<String> columns = List.of();
  private @Nullable FileChannel file;
  private long length;

  /** A sink writing {@code path}; empty {@code columns} takes the first record's fields. */
  public MarkdownTableSink(Path path, List<String> columns) {
    this.path = path;
    this.configured = List.copyOf(columns);
  }

  @Override
  public String name() {
    return path.getFileName().toString();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(SinkContext context) throws IOException {
    Map<String, Object> restored = context.restoredState();
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    length = restored == null ? 0 : ((Number) restored.get("length")).longValue();
    columns = restored == null ? configured : (List<String>) restored.get("columns");
    file.truncate(length);
    file.position(length);
  }

  @Override
  public void write(Chunk<Record> chunk) throws IOException {
    StringBuilder sb = new StringBuilder();
    if (columns.isEmpty() && chunk.size() > 0) {
      columns = chunk.items().get(0).fieldNames();
    }
    if (length == 0 && !columns.isEmpty()) {
      row(sb, columns);
      row(sb, columns.stream().map(c -> "---").toList());
    }
    for (Record r : chunk.items()) {
      List<String> cells = new ArrayList<>(columns.size());
      for (String c : columns) {
        cells.add(cell(r.get(c)));
      }
      row(sb, cells);
    }
    ByteBuffer bytes = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      length += open().write(bytes);
    }
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("length", length, "columns", columns);
  }

  @Override
  public void complete() throws IOException {
    open().force(true);
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
      file = null;
    }
  }

  private FileChannel open() {
    if (file == null) {
      throw new IllegalStateException("markdown sink " + path + " is not open");
    }
    return file;
  }

  private static void row(StringBuilder sb, List<String> cells) {
    sb.append('|');
    for (String c : cells) {
      sb.append(' ').append(c).append(" |");
    }
    sb.append('\n');
  }

  private static String cell(@Nullable Object value) {
    String text = value == null ? "" : value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    return text.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
  }
}
