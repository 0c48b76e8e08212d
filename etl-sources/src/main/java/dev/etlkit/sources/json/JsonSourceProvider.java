package dev.etlkit.sources.json;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.OptionSpec.Type;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceProvider;
import dev.etlkit.sources.file.InputFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Makes {@link JsonSource}s for {@code "type": "json"}: {@code {"type": "json", "path": "./data/contractors.json"}}. */
public final class JsonSourceProvider implements SourceProvider {

  private static final List<OptionSpec> OPTIONS = List.of(
      OptionSpec.required("path", Type.STRING, "the JSON or NDJSON file; relative paths resolve against the config's directory"),
      OptionSpec.optional("format", Type.STRING, "auto", "array (one document), ndjson (one object per line) or auto"),
      OptionSpec.optional("itemsField", Type.STRING, null, "the field of the top-level object holding the items, e.g. data or result.items"),
      OptionSpec.optional("gzip", Type.BOOLEAN, null, "whether the file is gzipped; default: when the name ends in .gz"));

  @Override
  public String type() {
    return "json";
  }

  @Override
  public List<String> aliases() {
    return List.of("ndjson");
  }

  @Override
  public List<OptionSpec> options() {
    return OPTIONS;
  }

  @Override
  public Source<Record> create(PluginConfig config) {
    Path path = config.requirePath("path");
    String unreadable = InputFile.problem(path);
    if (unreadable != null) {
      throw config.problem("path", unreadable);
    }
    JsonSource.Builder b = JsonSource.file(path);
    String format = config.string("format", "auto").toUpperCase(Locale.ROOT);
    try {
      b.format(JsonFormat.valueOf(format));
    } catch (IllegalArgumentException e) {
      throw config.problem("format", "must be array, ndjson or auto, was \"" + config.string("format") + "\"");
    }
    if ("ndjson".equals(config.string("type")) && !config.has("format")) {
      b.format(JsonFormat.NDJSON);
    }
    try {
      if (config.has("itemsField")) {
        b.itemsField(config.requireString("itemsField"));
      }
    } catch (IllegalArgumentException e) {
      throw config.problem("itemsField", e.getMessage());
    }
    if (config.has("gzip")) {
      b.gzip(config.bool("gzip", false));
    }
    return b.build();
  }
}
