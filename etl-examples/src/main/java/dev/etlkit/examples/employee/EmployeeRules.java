package dev.etlkit.examples.employee;

import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import dev.etlkit.transform.Deduplicate;
import dev.etlkit.transform.Enrich;
import dev.etlkit.transform.FieldOp;
import dev.etlkit.transform.Normalize;
import dev.etlkit.transform.Validate;
import dev.etlkit.transform.ValueType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The employee profile of DESIGN.md: normalize → validate → enrich → deduplicate, each step a new
 * transformer built from the generic ones of {@code dev.etlkit.transform}.
 *
 * <pre>{@code
 * Pipeline.Builder pipeline = Pipeline.builder("employees")
 *     .source(JsonSource.file(Path.of("data/employees.json")).build())
 *     .sink(JsonSink.file(Path.of("output/employees.json")));
 * EmployeeRules.transformers(true, true, true, true).forEach(pipeline::transform);
 * PipelineResult result = pipeline.build().run();
 * }</pre>
 *
 * <p>Validation has two implementations that give the same answers: {@link #validateWithRules()}
 * (declarative rules, the default, several times faster) and {@link #validateWithBeans()} (Jackson
 * and Hibernate Validator on {@link Employee}).
 */
public final class EmployeeRules {

  /** The valid departments, in the order messages list them. */
  public static final List<String> DEPARTMENTS = List.of("Engineering", "Sales", "Marketing", "HR", "Finance");

  private static final Map<String, String> DEPARTMENT_ALIASES = Map.ofEntries(
      Map.entry("eng", "Engineering"), Map.entry("dev", "Engineering"), Map.entry("engineering", "Engineering"),
      Map.entry("sales", "Sales"),
      Map.entry("mktg", "Marketing"), Map.entry("marketing", "Marketing"),
      Map.entry("hr", "HR"), Map.entry("human resources", "HR"),
      Map.entry("finance", "Finance"), Map.entry("accounting", "Finance"));

  private EmployeeRules() {
  }

  /**
   * The steps the seed config's switches turn on, in the profile's order (normalize, validate,
   * enrich, deduplicate); the arguments are in the seed config's order. Each call makes new
   * transformers, so deduplication state is never shared between pipelines.
   */
  public static List<Transformer<Record, Record>> transformers(boolean validation, boolean deduplication,
      boolean enrichment, boolean normalization) {
    List<Transformer<Record, Record>> steps = new ArrayList<>(4);
    if (normalization) {
      steps.add(normalize());
    }
    if (validation) {
      steps.add(validate());
    }
    if (enrichment) {
      steps.add(enrich());
    }
    if (deduplication) {
      steps.add(deduplicate());
    }
    return steps;
  }

  /** Cleans the raw values: trims, fixes case, maps department aliases, parses numbers, dates and booleans. */
  public static Normalize normalize() {
    return Normalize.builder()
        .field("id", FieldOp.trim(), FieldOp.numberToText())
        .field("name", FieldOp.trim(), FieldOp.collapseWhitespace(), FieldOp.titleCaseWords())
        .field("email", FieldOp.trim(), FieldOp.lowerCase())
        .field("age", FieldOp.parseInteger())
        .field("department", FieldOp.trim(), FieldOp.mapValues(DEPARTMENT_ALIASES))
        .field("salary", FieldOp.parseDecimal("$,"))
        .field("joinDate", FieldOp.trim(), FieldOp.parseDate(List.of("yyyy-MM-dd", "yyyy/MM/dd", "ISO_DATE_TIME")))
        .field("isActive", FieldOp.parseBoolean(List.of("true", "1", "yes", "y", "active"),
            List.of("false", "0", "no", "n", "inactive")))
        .build();
  }

  /** The default validation: {@link #validateWithRules()}, which is the faster of the two. */
  public static Transformer<Record, Record> validate() {
    return validateWithRules();
  }

  /** Validation with declarative rules; keeps only the employee fields, in the profile's order. */
  public static Transformer<Record, Record> validateWithRules() {
    return Validate.fields()
        .field("id").required().type(ValueType.STRING)
        .field("name").required().type(ValueType.STRING).length(2, 100)
        .field("email").required().type(ValueType.STRING).email()
        .field("age").required().type(ValueType.INTEGER).min(16).max(100)
        .field("department").required().type(ValueType.STRING).oneOf(DEPARTMENTS)
        .field("salary").required().type(ValueType.DECIMAL).greaterThan(0).max(1_000_000)
        .field("joinDate").required().type(ValueType.DATE).notInFuture()
        .field("isActive").required().type(ValueType.BOOLEAN)
        .field("metadata").type(ValueType.OBJECT)
        .dropUnknown()
        .build();
  }

  /** Validation of {@link Employee} with Hibernate Validator; the same answers as {@link #validateWithRules()}. */
  public static Transformer<Record, Record> validateWithBeans() {
    return Validate.beans(Employee.class);
  }

  /** The enrichment step: {@link #enrich(Record, Clock)} with the run's clock. */
  public static Enrich enrich() {
    return Enrich.with(EmployeeRules::enrich);
  }

  /**
   * The record with the profile's {@code metadata}: its own entries, then {@code experienceYears}
   * (whole days since {@code joinDate} / 365, floored), {@code salaryGrade} (Junior below 50,000, Mid
   * below 80,000, Senior below 120,000, else Principal), {@code processedAt} (the clock's instant, ISO-8601,
   * milliseconds), {@code enrichmentVersion} "1.0", and for Engineering {@code techLevel} "Senior" and
   * {@code skills}. "Today" is the clock's date in the clock's zone. An entry whose input is not of the
   * needed type (validation off) is left out.
   */
  public static Record enrich(Record record, Clock clock) {
    return EmployeeEnrichment.enrich(record, clock);
  }

  /** Drops later records with an id already seen in the run. */
  public static Deduplicate deduplicate() {
    return Deduplicate.by("id");
  }
}
