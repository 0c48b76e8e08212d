package dev.etlkit.sources.csv;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.OptionSpec.Type;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceProvider;
import dev.etlkit.sources.file.InputFile;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Makes {@link CsvSource}s for {@code "type": "csv"}: {@code {"type": "csv", "path": "./data/employees.csv"}}. */
public final class CsvSourceProvider implements SourceProvider {

  private static final List<OptionSpec> OPTIONS = List.of(
      OptionSpec.required("path", Type.STRING, "the CSV file; relative paths resolve against the config's directory"),
      OptionSpec.optional("delimiter", Type.STRING, ",", "the field separator, one character"),
      OptionSpec.optional("quote", Type.STRING, "\"", "the quote character"),
      OptionSpec.optional("escape", Type.STRING, null, "the character escaping a quote inside quotes; default the quote itself"),
      OptionSpec.optional("header", Type.BOOLEAN, true, "whether the first line names the columns"),
      OptionSpec.optional("columns", Type.ARRAY, null, "column names, replacing the header's or naming a headerless file's"),
      OptionSpec.optional("charset", Type.STRING, "UTF-8", "the file's encoding"),
      OptionSpec.optional("trim", Type.BOOLEAN, false, "remove spaces around values"),
      OptionSpec.optional("comment", Type.STRING, null, "skip lines whose first field starts with this character"),
      OptionSpec.optional("strict", Type.BOOLEAN, true, "reject records with more or fewer values than columns"),
      OptionSpec.optional("gzip", Type.BOOLEAN, null, "whether the file is gzipped; default: when the name ends in .gz"),
      OptionSpec.optional("maxFieldChars", Type.INTEGER, 1_000_000, "the longest value before the source fails"));

  @Override
  public String type() {
    return "csv";
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
    CsvSource.Builder b = CsvSource.file(path);
    try {
      b.delimiter(character(config, "delimiter", ','))
          .quote(character(config, "quote", '"'))
          .header(config.bool("header", true))
          .trim(config.bool("trim", false))
          .strict(config.bool("strict", true))
          .charset(charset(config))
          .maxFieldChars(config.intValue("maxFieldChars", 1_000_000));
      if (config.has("escape")) {
        b.escape(character(config, "escape", '"'));
      }
      if (config.has("comment")) {
        b.comment(character(config, "comment", '#'));
      }
      if (config.has("gzip")) {
        b.gzip(config.bool("gzip", false));
      }
      if (config.has("columns")) {
        List<String> names = new ArrayList<>();
        for (Object o : config.list("columns")) {
          names.add(String.valueOf(o));
        }
        b.columns(names);
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(config.path() + ": " + e.getMessage(), e);
    }
    return b.build();
  }

  private static char character(PluginConfig config, String name, char fallback) {
    String s = config.string(name);
    if (s == null) {
      return fallback;
    }
    if (s.length() != 1) {
      throw config.problem(name, "must be one character, was \"" + s + "\"");
    }
    return s.charAt(0);
  }

  private static Charset charset(PluginConfig config) {
    String name = config.string("charset", "UTF-8");
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      throw config.problem("charset", "unknown charset \"" + name + "\"");
    }
  }
}
