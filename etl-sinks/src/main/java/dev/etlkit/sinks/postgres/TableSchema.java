package dev.etlkit.sinks.postgres;

import dev.etlkit.api.Record;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns of a table that {@link PostgresSink} creates when it does not exist yet
 * ({@code CREATE TABLE IF NOT EXISTS}); an existing table is used as it is.
 *
 * <pre>{@code
 * TableSchema employees = TableSchema.of(
 *     Column.of("id", "text").primaryKey(),
 *     Column.of("email", "text").notNull().unique(),
 *     Column.of("salary", "numeric").notNull(),
 *     Column.of("join_date", "date").from("joinDate").notNull(),
 *     Column.of("metadata", "jsonb"),
 *     Column.computed("created_at", "timestamptz", "now()"),
 *     Column.computed("updated_at", "timestamptz", "now()").onUpdate("now()"));
 * }</pre>
 */
public final class TableSchema {

  private final List<Column> columns;

  private TableSchema(List<Column> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a table schema needs at least one column");
    }
    if (columns.stream().map(Column::name).distinct().count() != columns.size()) {
      throw new IllegalArgumentException("column names must be unique: " + columns.stream().map(Column::name).toList());
    }
    this.columns = List.copyOf(columns);
  }

  /** A schema of these columns, in order. */
  public static TableSchema of(Column... columns) {
    return new TableSchema(List.of(columns));
  }

  /** A schema of these columns, in order. */
  public static TableSchema of(List<Column> columns) {
    return new TableSchema(columns);
  }

  /**
   * A schema guessed from a record: one column per field, named in snake_case ({@code joinDate} →
   * {@code join_date}), typed by the value (text, bigint, numeric, double precision, boolean, date,
   * timestamptz, jsonb; text for null), the {@code key} columns forming the primary key.
   */
  static TableSchema inferredFrom(Record record, List<String> key) {
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      String field = record.nameAt(i);
      String name = snakeCase(field);
      Column c = Column.of(name, typeOf(record.valueAt(i))).from(field);
      cols.add(key.contains(name) || key.contains(field) ? c.primaryKey() : c);
    }
    return new TableSchema(cols);
  }

  /** The columns, in order. */
  public List<Column> columns() {
    return columns;
  }

  String createSql(TableName table) {
    List<String> parts = columns.stream().map(Column::definition).collect(Collectors.toCollection(ArrayList::new));
    List<String> primaryKey = columns.stream().filter(Column::isPrimaryKey).map(c -> TableName.quote(c.name())).toList();
    if (!primaryKey.isEmpty()) {
      parts.add("PRIMARY KEY (" + String.join(", ", primaryKey) + ")");
    }
    return "CREATE TABLE IF NOT EXISTS " + table.sql() + " (" + String.join(", ", parts) + ")";
  }

  /** {@code joinDate} → {@code join_date}, {@code userID} → {@code user_id}. */
  static String snakeCase(String field) {
    StringBuilder sb = new StringBuilder(field.length() + 4);
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (Character.isUpperCase(c) && i > 0
          && (Character.isLowerCase(field.charAt(i - 1)) || Character.isDigit(field.charAt(i - 1)))) {
        sb.append('_');
      }
      sb.append(c);
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  private static String typeOf(@org.jspecify.annotations.Nullable Object value) {
    if (value instanceof Long) {
      return "bigint";
    }
    if (value instanceof BigDecimal) {
      return "numeric";
    }
    if (value instanceof Double) {
      return "double precision";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof LocalDate) {
      return "date";
    }
    if (value instanceof Instant) {
      return "timestamptz";
    }
    if (value instanceof Map || value instanceof List) {
      return "jsonb";
    }
    return "text";
  }

  @Override
  public String toString() {
    return "TableSchema" + columns.stream().map(Column::definition).toList();
  }
}
