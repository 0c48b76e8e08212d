package dev.etlkit.examples.plugin;

import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkProvider;
import java.util.List;

/** {@code {"type": "markdown", "destination": "output/employees.md", "columns": ["id", "name"]}}: a {@link MarkdownTableSink}. */
public final class MarkdownTableSinkProvider implements SinkProvider {

  @Override
  public String type() {
    return "markdown";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(
        OptionSpec.required("destination", OptionSpec.Type.STRING, "the Markdown file; missing directories are created"),
        OptionSpec.optional("columns", OptionSpec.Type.ARRAY, null, "the fields to show, in order; default the first record's"));
  }

  @Override
  public Sink<Record> create(PluginConfig config) {
    List<String> columns = config.list("columns").stream().map(String::valueOf).toList();
    return new MarkdownTableSink(config.requirePath("destination"), columns);
  }
}
