package dev.etlkit.examples.cli;

import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import dev.etlkit.config.Profile;
import dev.etlkit.config.Switches;
import dev.etlkit.examples.employee.EmployeeRules;
import java.util.List;
import java.util.Map;

/**
 * What the seed config means for employees: the switches turn on {@link EmployeeRules}' steps, a CSV
 * output gets the seed's columns ({@code ID,Name,Email,Age,Department,Salary,Join Date,Is Active}, Yes/No),
 * and a database output gets the seed's table (id primary key, email unique, snake_case columns,
 * created_at and updated_at), upserted on id.
 */
public final class EmployeeProfile implements Profile {

  private static final List<Map<String, String>> CSV_COLUMNS = List.of(
      column("id", "ID"), column("name", "Name"), column("email", "Email"), column("age", "Age"),
      column("department", "Department"), column("salary", "Salary"), column("joinDate", "Join Date"),
      column("isActive", "Is Active"));

  private static final List<Map<String, Object>> TABLE = List.of(
      Map.of("name", "id", "type", "varchar", "primaryKey", true),
      Map.of("name", "name", "type", "varchar", "notNull", true),
      Map.of("name", "email", "type", "varchar", "notNull", true, "unique", true),
      Map.of("name", "age", "type", "integer", "notNull", true),
      Map.of("name", "department", "type", "varchar", "notNull", true),
      Map.of("name", "salary", "type", "numeric", "notNull", true),
      Map.of("name", "join_date", "type", "date", "field", "joinDate", "notNull", true),
      Map.of("name", "is_active", "type", "boolean", "field", "isActive", "notNull", true),
      Map.of("name", "metadata", "type", "jsonb"),
      Map.of("name", "created_at", "type", "timestamp", "default", "CURRENT_TIMESTAMP"),
      Map.of("name", "updated_at", "type", "timestamp", "default", "CURRENT_TIMESTAMP", "onUpdate", "CURRENT_TIMESTAMP"));

  @Override
  public String name() {
    return "employees";
  }

  @Override
  public List<Transformer<Record, Record>> transformers(Switches on) {
    return EmployeeRules.transformers(on.validation(), on.deduplication(), on.enrichment(), on.normalization());
  }

  @Override
  public Map<String, Object> outputDefaults(String type) {
    return switch (type) {
      case "csv" -> Map.of("columns", CSV_COLUMNS, "trueText", "Yes", "falseText", "No");
      case "database", "postgres" -> Map.of("columns", TABLE, "key", "id");
      default -> Map.of();
    };
  }

  private static Map<String, String> column(String field, String header) {
    return Map.of("field", field, "header", header);
  }
}
