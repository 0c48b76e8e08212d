package dev.etlkit.transform;

import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.TransformerProvider;
import java.util.List;
import java.util.Map;

/**
 * The {@code "normalize"} transformer from config:
 *
 * <pre>{@code
 * {"type": "normalize", "fields": {
 *    "email":  ["trim", "lowerCase"],
 *    "salary": [{"decimal": "$,"}],
 *    "joinDate": [{"date": ["yyyy-MM-dd", "yyyy/MM/dd", "ISO_DATE_TIME"]}],
 *    "isActive": [{"boolean": {"true": ["yes", "y"], "false": ["no", "n"]}}],
 *    "department": ["trim", {"map": {"eng": "Engineering"}}]}}
 * }</pre>
 */
public final class NormalizeProvider implements TransformerProvider {

  @Override
  public String type() {
    return "normalize";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(OptionSpec.required("fields", OptionSpec.Type.OBJECT,
        "field name -> list of operations: " + String.join(", ", FieldOpConfig.NAMES)));
  }

  @Override
  public Transformer<Record, Record> create(PluginConfig config) {
    Normalize.Builder builder = Normalize.builder();
    for (Map.Entry<String, Object> e : config.map("fields").entrySet()) {
      builder.field(e.getKey(), FieldOpConfig.parse(config, "fields." + e.getKey(), e.getValue()));
    }
    return builder.build();
  }
}
