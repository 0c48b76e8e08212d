package dev.etlkit.sinks.json;

import java.nio.file.Path;
import java.util.Locale;

/** How a {@link JsonSink} lays records out in its file. */
public enum JsonFormat {
  /** One JSON array of objects, closed when the run completes. */
  ARRAY,
  /** One compact JSON object per line, each line ended by {@code \n}. */
  NDJSON;

  /** NDJSON for {@code .ndjson} and {@code .jsonl} files, an array otherwise. */
  public static JsonFormat forFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".ndjson") || name.endsWith(".jsonl") ? NDJSON : ARRAY;
  }
}
