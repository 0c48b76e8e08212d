package dev.etlkit.sinks.postgres;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * {@code employees} or {@code schema.employees} (split at the first dot), each part as written (case
   * kept); a part in double quotes, as SQL writes it, may hold a dot or a quote ({@code reporting."q1.sales"},
   * {@code ""} for {@code "}).
   */
  public static TableName parse(String qualified) {
    String s = Objects.requireNonNull(qualified, "table").trim();
    if (s.indexOf('"') < 0) {
      int dot = s.indexOf('.');
      if (s.isEmpty() || dot == 0 || dot == s.length() - 1) {
        throw new IllegalArgumentException("table must be a name or schema.name, was \"" + qualified + "\"");
      }
      return dot < 0 ? new TableName(null, s) : new TableName(s.substring(0, dot), s.substring(dot + 1));
    }
    return quoted(s, qualified);
  }

  private static TableName quoted(String s, String qualified) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i <= s.length()) {
      StringBuilder part = new StringBuilder();
      if (i < s.length() && s.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= s.length()) {
            throw new IllegalArgumentException("table name has an unclosed quote, was \"" + qualified + "\"");
          }
          char c = s.charAt(i++);
          if (c == '"' && i < s.length() && s.charAt(i) == '"') {
            part.append('"');
            i++;
          } else if (c == '"') {
            break;
          } else {
            part.append(c);
          }
        }
      } else {
        while (i < s.length() && s.charAt(i) != '.') {
          part.append(s.charAt(i++));
        }
      }
      parts.add(part.toString());
      if (i < s.length() && s.charAt(i) != '.') {
        throw new IllegalArgumentException("table must be a name or schema.name, was \"" + qualified + "\"");
      }
      if (i >= s.length()) {
        break;
      }
      i++; // the dot
      if (i == s.length()) {
        parts.add("");
      }
    }
    if (parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("table must be a name or schema.name, was \"" + qualified + "\"");
    }
    return parts.size() == 1 ? new TableName(null, parts.get(0)) : new TableName(parts.get(0), parts.get(1));
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
