package dev.etlkit.sinks.json;

import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.OptionSpec.Type;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkProvider;
import dev.etlkit.sinks.file.Destination;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Makes {@link JsonSink}s for {@code {"type": "json", "destination": "./output/x.json"}}. */
public final class JsonSinkProvider implements SinkProvider {

  private static final List<OptionSpec> OPTIONS = List.of(
      OptionSpec.required("destination", Type.STRING, "the output file; missing directories are created"),
      OptionSpec.optional("format", Type.STRING, null,
          "array or ndjson; by default ndjson for .ndjson and .jsonl files, array otherwise"),
      OptionSpec.optional("pretty", Type.BOOLEAN, true, "indent an array by two spaces; false writes it on one line"),
      OptionSpec.optional("append", Type.BOOLEAN, false,
          "add to the end of an existing ndjson file instead of replacing it"));

  @Override
  public String type() {
    return "json";
  }

  @Override
  public List<OptionSpec> options() {
    return OPTIONS;
  }

  @Override
  public Sink<Record> create(PluginConfig config) {
    Path path = Destination.of(config);
    JsonFormat format = format(config, path);
    boolean append = config.bool("append", false);
    if (append && format == JsonFormat.ARRAY) {
      throw config.problem("append", "needs format ndjson; a JSON array cannot be appended to");
    }
    return JsonSink.builder(path).format(format).pretty(config.bool("pretty", true)).append(append).build();
  }

  private static JsonFormat format(PluginConfig config, Path path) {
    String format = config.string("format");
    if (format == null) {
      return JsonFormat.forFile(path);
    }
    return switch (format.trim().toLowerCase(Locale.ROOT)) {
      case "array", "json" -> JsonFormat.ARRAY;
      case "ndjson", "jsonl" -> JsonFormat.NDJSON;
      default -> throw config.problem("format", "must be array or ndjson, was \"" + format + "\"");
    };
  }
}
