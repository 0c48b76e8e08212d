package dev.etlkit.transform;

import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import java.util.Objects;

/**
 * Checks records and rejects those that break a rule, each with every rule it broke: a
 * {@link dev.etlkit.api.RecordException} whose {@link dev.etlkit.api.Violation}s name the field, a rule
 * code and a message with the offending value, and whose message joins {@code field: message} with
 * {@code "; "} ({@code "age: must be between 16 and 100, was 101"}). A rejected record goes to the
 * pipeline's error policy; the run goes on. Valid records pass on, without unknown fields when asked.
 *
 * <pre>{@code
 * // with a class: Jackson maps the record to it, Hibernate Validator checks its annotations
 * Transformer<Record, Record> v1 = Validate.beans(Employee.class);
 * // without one: declarative rules, usable from config too
 * Transformer<Record, Record> v2 = Validate.fields()
 *     .field("age").required().type(ValueType.INTEGER).min(16).max(100)
 *     .build();
 * }</pre>
 */
public final class Validate {

  private Validate() {
  }

  /**
   * Validation against a bean class (a Java record or a POJO) with Jakarta Bean Validation
   * annotations, checked by Hibernate Validator. Each value must already have its property's type (a
   * {@code Long} for an {@code int} or {@code Long}, a {@code LocalDate} for a {@code LocalDate}); one
   * that does not is a "type" violation, reported with the constraint violations of the other fields.
   * Blank text counts as missing (null), as in {@link #fields()}.
   * Fields the class does not have are dropped; the others keep their values and take the class's
   * property order. "Now" for {@code @PastOrPresent} and friends is the run's clock.
   *
   * <p>Constraint annotations count under rule codes that match {@link #fields()}: {@code @NotNull}
   * and {@code @NotBlank} are "required", {@code @Size} and {@code @CodePointLength} "length",
   * {@code @Min} and {@code @DecimalMin} "min", and so on; a missing value reports only "required".
   * Messages get {@code ", was <value>"} appended. {@link OneOf} and {@link EmailAddress} give the
   * two declarative rules that Bean Validation lacks.
   */
  public static Transformer<Record, Record> beans(Class<?> beanClass) {
    return new BeanValidation(Objects.requireNonNull(beanClass, "beanClass"), "validate");
  }

  /** Declarative rules for records without a class; see {@link FieldRules}. */
  public static FieldRules fields() {
    return new FieldRules();
  }
}
