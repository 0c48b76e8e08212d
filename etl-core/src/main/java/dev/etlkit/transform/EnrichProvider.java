package dev.etlkit.transform;

import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.TransformerProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code "enrich"} transformer from config: constant fields, or a JDBC lookup (a lookup from
 * another source is for code: {@link Lookup#from}).
 *
 * <pre>{@code
 * {"type": "enrich", "constants": {"source": "hris", "enrichmentVersion": "1.0"}}
 * {"type": "enrich", "lookup": {"key": "departmentId", "url": "${DEPARTMENTS_DB}",
 *     "query": "SELECT name AS department FROM departments WHERE id = ?", "cacheSize": 10000,
 *     "rejectMissing": false}}
 * }</pre>
 */
public final class EnrichProvider implements TransformerProvider {

  private static final Set<String> LOOKUP_OPTIONS = Set.of("key", "url", "query", "fields", "cacheSize", "rejectMissing");

  @Override
  public String type() {
    return "enrich";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(
        OptionSpec.optional("constants", OptionSpec.Type.OBJECT, null, "field name -> value set in every record"),
        OptionSpec.optional("lookup", OptionSpec.Type.OBJECT, null,
            "a JDBC lookup: key, url, query (one ? for the key), fields, cacheSize (10000), rejectMissing (false)"));
  }

  @Override
  public Transformer<Record, Record> create(PluginConfig config) {
    if (config.has("constants") == config.has("lookup")) {
      throw config.problem("constants", "give either constants or lookup");
    }
    if (config.has("constants")) {
      Map<String, Object> constants = config.map("constants");
      Record.of(constants); // rejects values a record cannot hold, now
      return Enrich.with((r, clock) -> {
        Record.Builder b = r.toBuilder();
        constants.forEach(b::put);
        return b.build();
      });
    }
    PluginConfig lookup = config.child("lookup");
    for (String key : lookup.options().keySet()) {
      if (!LOOKUP_OPTIONS.contains(key)) {
        throw lookup.problem(key, "unknown option; known: " + String.join(", ", LOOKUP_OPTIONS.stream().sorted().toList()));
      }
    }
    Lookup builder = Enrich.lookup(lookup.requireString("key"));
    try {
      builder.jdbc(lookup.requireString("url"), lookup.requireString("query"));
    } catch (IllegalArgumentException e) {
      throw lookup.problem("query", e.getMessage());
    }
    try {
      builder.cacheSize(lookup.intValue("cacheSize", 10_000));
    } catch (IllegalArgumentException e) {
      throw lookup.problem("cacheSize", e.getMessage());
    }
    builder.fields(lookup.list("fields").stream().map(String::valueOf).toArray(String[]::new));
    if (lookup.bool("rejectMissing", false)) {
      builder.rejectMissing();
    }
    return builder.build();
  }
}
