package dev.etlkit.sinks.postgres;

import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.OptionSpec.Type;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes {@link PostgresSink}s for {@code {"type": "database", "destination": "employees"}} (alias
 * {@code postgres}): the destination is the table, the connection comes from option {@code url} or else
 * the {@code DATABASE_URL} environment variable, and rows are upserted on {@code id} by default.
 */
public final class PostgresSinkProvider implements SinkProvider {

  private static final List<OptionSpec> OPTIONS = List.of(
      OptionSpec.required("destination", Type.STRING, "the table, optionally schema-qualified: schema.table"),
      OptionSpec.optional("url", Type.STRING, null,
          "postgresql://user:password@host:port/db or jdbc:postgresql://...; default the DATABASE_URL variable"),
      OptionSpec.optional("mode", Type.STRING, "upsert", "insert, upsert or replace (load a new table, swap at the end)"),
      OptionSpec.optional("key", Type.STRING, "id", "the upsert key: a column or comma-separated columns"),
      OptionSpec.optional("columns", Type.ARRAY, null, "the table to create if absent: [{name, type, field, notNull,"
          + " unique, primaryKey, default, onUpdate}]; without it an absent table is made from the first record"));

  @Override
  public String type() {
    return "database";
  }

  @Override
  public List<String> aliases() {
    return List.of("postgres");
  }

  @Override
  public List<OptionSpec> options() {
    return OPTIONS;
  }

  @Override
  public Sink<Record> create(PluginConfig config) {
    PostgresSink.Builder b;
    try {
      b = PostgresSink.table(config.requireString("destination"));
    } catch (IllegalArgumentException e) {
      throw config.problem("destination", e.getMessage());
    }
    String url = config.has("url") ? config.string("url") : System.getenv("DATABASE_URL");
    if (url == null || url.isBlank()) {
      throw config.problem("url", "required: set it or the DATABASE_URL environment variable");
    }
    try {
      b.url(url);
    } catch (IllegalArgumentException e) {
      throw config.problem("url", e.getMessage());
    }
    String mode = config.string("mode", "upsert").trim().toLowerCase(Locale.ROOT);
    String[] key = Arrays.stream(config.string("key", "id").split(",")).map(String::trim).filter(k -> !k.isEmpty())
        .toArray(String[]::new);
    switch (mode) {
      case "insert" -> b.insert();
      case "upsert" -> {
        if (key.length == 0) {
          throw config.problem("key", "required for mode upsert");
        }
        b.upsertOn(key);
      }
      case "replace", "replace-table" -> {
        b.replaceTable();
        if (config.has("key") && key.length > 0) {
          b.upsertOn(key);
        }
      }
      default -> throw config.problem("mode", "must be insert, upsert or replace, was \"" + mode + "\"");
    }
    if (config.has("columns")) {
      b.schema(schema(config));
    }
    return b.build();
  }

  private static TableSchema schema(PluginConfig config) {
    List<Column> columns = new ArrayList<>();
    List<Object> items = config.list("columns");
    for (int i = 0; i < items.size(); i++) {
      String path = "columns[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)
          || !(m.get("type") instanceof String type)) {
        throw config.problem(path, "must be an object with at least name and type");
      }
      try {
        columns.add(column(name, type, m));
      } catch (IllegalArgumentException e) {
        throw config.problem(path, e.getMessage());
      }
    }
    try {
      return TableSchema.of(columns);
    } catch (IllegalArgumentException e) {
      throw config.problem("columns", e.getMessage());
    }
  }

  private static Column column(String name, String type, Map<?, ?> m) {
    Column c = m.get("default") instanceof String d && m.get("field") == null
        ? Column.computed(name, type, d)
        : Column.of(name, type);
    if (m.get("field") instanceof String field) {
      c = c.from(field);
    }
    if (m.get("default") instanceof String d && c.field() != null) {
      c = c.defaultTo(d);
    }
    if (Boolean.TRUE.equals(m.get("notNull"))) {
      c = c.notNull();
    }
    if (Boolean.TRUE.equals(m.get("unique"))) {
      c = c.unique();
    }
    if (Boolean.TRUE.equals(m.get("primaryKey"))) {
      c = c.primaryKey();
    }
    if (m.get("onUpdate") instanceof String u) {
      c = c.onUpdate(u);
    }
    return c;
  }
}
