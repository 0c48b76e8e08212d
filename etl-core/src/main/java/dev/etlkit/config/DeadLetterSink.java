package dev.etlkit.config;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkContext;
import dev.etlkit.internal.PluginRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The NDJSON file of rejected records, named per run: {@code {runId}} in the path becomes the id of the
 * run that opens it, so runs never overwrite each other's rejects and a resumed run continues its own.
 */
final class DeadLetterSink implements Sink<Record> {

  static final String RUN_ID = "{runId}";

  private final String pattern;
  private final Path baseDir;
  private final PluginRegistry registry;
  private @Nullable Sink<Record> file;

  DeadLetterSink(String pattern, Path baseDir, PluginRegistry registry) {
    this.pattern = pattern;
    this.baseDir = baseDir;
    this.registry = registry;
  }

  /** The file name with the {@code {runId}} placeholder: the same for every run, as a fingerprint needs. */
  @Override
  public String name() {
    Path fileName = Path.of(pattern).getFileName();
    return fileName == null ? pattern : fileName.toString();
  }

  @Override
  public void open(SinkContext context) throws Exception {
    String destination = pattern.replace(RUN_ID, context.runId());
    file = registry.sink(new PluginConfig("errors.deadLetter",
        Map.of("type", "json", "format", "ndjson", "destination", destination), baseDir));
    file.open(context);
  }

  @Override
  public void write(Chunk<Record> chunk) throws Exception {
    opened().write(chunk);
  }

  @Override
  public Map<String, Object> state() {
    return file == null ? Map.of() : file.state();
  }

  @Override
  public void complete() throws Exception {
    opened().complete();
  }

  @Override
  public void close() throws Exception {
    if (file != null) {
      file.close();
      file = null;
    }
  }

  private Sink<Record> opened() {
    if (file == null) {
      throw new IllegalStateException("dead-letter sink " + pattern + " is not open");
    }
    return file;
  }
}
