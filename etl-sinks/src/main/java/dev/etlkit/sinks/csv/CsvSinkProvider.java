package dev.etlkit.sinks.csv;

import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.OptionSpec.Type;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkProvider;
import dev.etlkit.sinks.file.Destination;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes {@link CsvSink}s for {@code {"type": "csv", "destination": "./output/x.csv"}}. Columns are
 * given as field names or as {@code {"field": "joinDate", "header": "Join Date"}} objects.
 */
public final class CsvSinkProvider implements SinkProvider {

  private static final List<OptionSpec> OPTIONS = List.of(
      OptionSpec.required("destination", Type.STRING, "the output file; missing directories are created"),
      OptionSpec.optional("columns", Type.ARRAY, null,
          "the columns in order: field names or {field, header} objects; default the first record's fields"),
      OptionSpec.optional("header", Type.BOOLEAN, true, "write a header row"),
      OptionSpec.optional("dateFormat", Type.STRING, "yyyy-MM-dd", "the pattern for dates"),
      OptionSpec.optional("trueText", Type.STRING, "true", "the cell text for true"),
      OptionSpec.optional("falseText", Type.STRING, "false", "the cell text for false"),
      OptionSpec.optional("delimiter", Type.STRING, ",", "the cell separator, one character"),
      OptionSpec.optional("lineSeparator", Type.STRING, "\n", "the line ending: \\n or \\r\\n"),
      OptionSpec.optional("escapeFormulas", Type.BOOLEAN, false,
          "prefix text cells starting with = + - @ with ' so spreadsheets do not run them"),
      OptionSpec.optional("append", Type.BOOLEAN, false, "add rows to an existing file instead of replacing it"));

  @Override
  public String type() {
    return "csv";
  }

  @Override
  public List<OptionSpec> options() {
    return OPTIONS;
  }

  @Override
  public Sink<Record> create(PluginConfig config) {
    CsvSink.Builder b = CsvSink.builder(Destination.of(config))
        .columns(columns(config))
        .header(config.bool("header", true))
        .booleans(config.string("trueText", "true"), config.string("falseText", "false"))
        .escapeFormulas(config.bool("escapeFormulas", false))
        .append(config.bool("append", false));
    String delimiter = config.string("delimiter", ",");
    if (delimiter.length() != 1 || "\"\r\n".indexOf(delimiter.charAt(0)) >= 0) {
      throw config.problem("delimiter", "must be one character other than a quote, CR or LF, was \"" + delimiter + "\"");
    }
    b.delimiter(delimiter.charAt(0));
    String lineSeparator = config.string("lineSeparator", "\n");
    if (!List.of("\n", "\r\n").contains(lineSeparator)) {
      throw config.problem("lineSeparator", "must be \\n or \\r\\n");
    }
    b.lineSeparator(lineSeparator);
    String pattern = config.string("dateFormat", "yyyy-MM-dd");
    try {
      b.datePattern(pattern);
    } catch (IllegalArgumentException e) {
      throw config.problem("dateFormat", "is not a date pattern: " + e.getMessage());
    }
    return b.build();
  }

  private static List<CsvColumn> columns(PluginConfig config) {
    List<CsvColumn> columns = new ArrayList<>();
    List<Object> items = config.list("columns");
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (item instanceof String field && !field.isEmpty()) {
        columns.add(CsvColumn.of(field));
      } else if (item instanceof Map<?, ?> m && m.get("field") instanceof String field && !field.isEmpty()) {
        Object header = m.get("header");
        columns.add(new CsvColumn(field, header == null ? field : header.toString()));
      } else {
        throw config.problem("columns[" + i + "]", "must be a field name or {\"field\": ..., \"header\": ...}");
      }
    }
    return columns;
  }
}
