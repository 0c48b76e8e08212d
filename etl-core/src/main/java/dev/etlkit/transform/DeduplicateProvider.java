package dev.etlkit.transform;

import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.TransformerProvider;
import java.util.List;

/** The {@code "deduplicate"} transformer from config: {@code {"type": "deduplicate", "keys": ["id"]}}. */
public final class DeduplicateProvider implements TransformerProvider {

  @Override
  public String type() {
    return "deduplicate";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(OptionSpec.required("keys", OptionSpec.Type.ARRAY,
        "the fields whose values together identify a record; the first occurrence wins"));
  }

  @Override
  public Transformer<Record, Record> create(PluginConfig config) {
    List<Object> keys = config.list("keys");
    if (keys.isEmpty()) {
      throw config.problem("keys", "needs at least one field");
    }
    return Deduplicate.by(keys.stream().map(String::valueOf).toList());
  }
}
