package dev.etlkit.sinks.postgres;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One column of a {@link TableSchema}: its name, SQL type and constraints, and the record field that
 * fills it. Types and expressions are checked against narrow patterns, so that a schema read from a
 * config file cannot smuggle in SQL.
 *
 * <pre>{@code
 * Column.of("id", "text").primaryKey()
 * Column.of("join_date", "date").from("joinDate").notNull()
 * Column.computed("updated_at", "timestamptz", "now()").onUpdate("now()")
 * }</pre>
 */
public final class Column {

  private static final Pattern TYPE = Pattern.compile(
      "[A-Za-z][A-Za-z0-9_ ]*(\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))?( with(out)? time zone)?(\\[\\])*");
  private static final Pattern EXPRESSION = Pattern.compile(
      "([A-Za-z_][A-Za-z0-9_]*(\\(\\))?|-?\\d+(\\.\\d+)?|'([^']|'')*')(::[A-Za-z][A-Za-z0-9_ ]*(\\[\\])?)?");

  private final String name;
  private final String sqlType;
  private final @Nullable String field;
  private final boolean notNull;
  private final boolean unique;
  private final boolean primaryKey;
  private final @Nullable String defaultSql;
  private final @Nullable String onUpdateSql;

  private Column(String name, String sqlType, @Nullable String field, boolean notNull, boolean unique,
      boolean primaryKey, @Nullable String defaultSql, @Nullable String onUpdateSql) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sqlType, "sqlType");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
    if (!TYPE.matcher(sqlType.trim()).matches()) {
      throw new IllegalArgumentException("column " + name + ": \"" + sqlType + "\" is not a SQL type");
    }
    check(name, "default", defaultSql);
    check(name, "onUpdate", onUpdateSql);
    this.name = name;
    this.sqlType = sqlType.trim();
    this.field = field;
    this.notNull = notNull;
    this.unique = unique;
    this.primaryKey = primaryKey;
    this.defaultSql = defaultSql == null ? null : defaultSql.trim();
    this.onUpdateSql = onUpdateSql == null ? null : onUpdateSql.trim();
  }

  private static void check(String column, String what, @Nullable String sql) {
    if (sql != null && !EXPRESSION.matcher(sql.trim()).matches()) {
      throw new IllegalArgumentException("column " + column + ": " + what + " \"" + sql
          + "\" must be a function call such as now(), a number, true/false or a 'quoted'::type literal");
    }
  }

  /** A column filled from the record field of the same name. */
  public static Column of(String name, String sqlType) {
    return new Column(name, sqlType, name, false, false, false, null, null);
  }

  /** A column the database fills with {@code defaultSql} ({@code created_at ... DEFAULT now()}). */
  public static Column computed(String name, String sqlType, String defaultSql) {
    return new Column(name, sqlType, null, false, false, false, Objects.requireNonNull(defaultSql, "defaultSql"),
        null);
  }

  /** This column filled from {@code field} instead: {@code join_date} from {@code joinDate}. */
  public Column from(String field) {
    return new Column(name, sqlType, Objects.requireNonNull(field, "field"), notNull, unique, primaryKey, defaultSql,
        onUpdateSql);
  }

  /** This column {@code NOT NULL}. */
  public Column notNull() {
    return new Column(name, sqlType, field, true, unique, primaryKey, defaultSql, onUpdateSql);
  }

  /** This column {@code UNIQUE}. */
  public Column unique() {
    return new Column(name, sqlType, field, notNull, true, primaryKey, defaultSql, onUpdateSql);
  }

  /** This column part of the primary key. */
  public Column primaryKey() {
    return new Column(name, sqlType, field, notNull, unique, true, defaultSql, onUpdateSql);
  }

  /** This column with a {@code DEFAULT}. */
  public Column defaultTo(String sql) {
    return new Column(name, sqlType, field, notNull, unique, primaryKey, sql, onUpdateSql);
  }

  /** This column set to {@code sql} whenever an upsert updates its row ({@code updated_at = now()}). */
  public Column onUpdate(String sql) {
    return new Column(name, sqlType, field, notNull, unique, primaryKey, defaultSql, sql);
  }

  /** The column name; any text, as it is always quoted. */
  public String name() {
    return name;
  }

  /** The SQL type. */
  public String sqlType() {
    return sqlType;
  }

  /** The record field that fills the column, or null when the database fills it. */
  public @Nullable String field() {
    return field;
  }

  /** Whether the column is part of the primary key. */
  public boolean isPrimaryKey() {
    return primaryKey;
  }

  /** The expression an upsert sets the column to when it updates a row, or null. */
  public @Nullable String onUpdateSql() {
    return onUpdateSql;
  }

  /** Whether the column holds JSON, so that every value goes in as JSON text. */
  boolean isJson() {
    String t = sqlType.trim().toLowerCase(java.util.Locale.ROOT);
    return t.equals("json") || t.equals("jsonb");
  }

  /** The column's definition in {@code CREATE TABLE}, without primary key (declared for the table). */
  String definition() {
    StringBuilder sb = new StringBuilder(TableName.quote(name)).append(' ').append(sqlType);
    if (notNull) {
      sb.append(" NOT NULL");
    }
    if (unique) {
      sb.append(" UNIQUE");
    }
    if (defaultSql != null) {
      sb.append(" DEFAULT ").append(defaultSql);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return definition() + (primaryKey ? " PRIMARY KEY" : "") + (field == null || field.equals(name) ? "" : " <- " + field);
  }
}
