package dev.etlkit.examples.plugin;

import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceProvider;
import java.util.List;

/** {@code {"type": "sample-employees", "count": 1000}}: a {@link SampleEmployeesSource}. */
public final class SampleEmployeesSourceProvider implements SourceProvider {

  @Override
  public String type() {
    return "sample-employees";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(OptionSpec.optional("count", OptionSpec.Type.INTEGER, 100, "how many employees to make"));
  }

  @Override
  public Source<Record> create(PluginConfig config) {
    long count = config.longValue("count", 100);
    if (count < 0) {
      throw config.problem("count", "must be >= 0, was " + count);
    }
    return new SampleEmployeesSource(count);
  }
}
