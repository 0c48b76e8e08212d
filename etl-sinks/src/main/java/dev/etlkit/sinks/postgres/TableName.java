package dev.etlkit.sinks.postgres;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A table name, optionally schema-qualified ({@code reporting.employees}: split at the first dot),
 * that is always written to SQL as quoted identifiers, so that no name can inject SQL.
 *
 * @param schema the schema, or null for the search path's first
 * @param name the table's own name
 */
public record TableName(@Nullable String schema, String name) {

  private static final int MAX_IDENTIFIER_BYTES = 63;

  /** Checks both parts. */
  public TableName {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || schema != null && schema.isEmpty()) {
      throw new IllegalArgumentException("table name must not be empty");
    }
  }

  /** {@code employees} or {@code schema.employees}. */
  public static TableName parse(String qualified) {
    String s = Objects.requireNonNull(qualified, "table").trim();
    int dot = s.indexOf('.');
    if (s.isEmpty() || dot == 0 || dot == s.length() - 1) {
      throw new IllegalArgumentException("table must be a name or schema.name, was \"" + qualified + "\"");
    }
    return dot < 0 ? new TableName(null, s) : new TableName(s.substring(0, dot), s.substring(dot + 1));
  }

  /** The name as SQL: {@code "schema"."name"}. */
  public String sql() {
    return schema == null ? quote(name) : quote(schema) + "." + quote(name);
  }

  /** A table in the same schema whose name is this one's plus {@code suffix}, shortened to fit 63 bytes. */
  TableName withSuffix(String suffix) {
    String base = name;
    while ((base + suffix).getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
      base = base.substring(0, base.length() - 1);
    }
    return new TableName(schema, base + suffix);
  }

  /** An identifier as SQL: in double quotes, inner double quotes doubled. */
  public static String quote(String identifier) {
    if (identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("identifier must not contain a NUL character");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
