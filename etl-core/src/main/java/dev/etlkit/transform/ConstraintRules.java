package dev.etlkit.transform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * The rule code of a Bean Validation constraint, so that bean and declarative validation count the
 * same failures under the same names: {@code @NotBlank} is "required", {@code @Size} is "length".
 */
final class ConstraintRules {

  private static final Map<String, String> CODES = Map.ofEntries(
      Map.entry("NotNull", "required"),
      Map.entry("NotBlank", "required"),
      Map.entry("NotEmpty", "required"),
      Map.entry("Size", "length"),
      Map.entry("Length", "length"),
      Map.entry("CodePointLength", "length"),
      Map.entry("Min", "min"),
      Map.entry("DecimalMin", "min"),
      Map.entry("Positive", "min"),
      Map.entry("PositiveOrZero", "min"),
      Map.entry("Max", "max"),
      Map.entry("DecimalMax", "max"),
      Map.entry("Negative", "max"),
      Map.entry("NegativeOrZero", "max"),
      Map.entry("Pattern", "pattern"),
      Map.entry("Email", "email"),
      Map.entry("EmailAddress", "email"),
      Map.entry("OneOf", "oneOf"),
      Map.entry("PastOrPresent", "notFuture"));

  private ConstraintRules() {
  }

  /**
   * The violation's message. Without Expression Language the default messages of {@code @DecimalMin}
   * and {@code @DecimalMax} keep a {@code ${...}} expression; those are worded here instead.
   */
  static String message(ConstraintViolation<?> violation) {
    String message = violation.getMessage();
    if (!message.contains("${")) {
      return message;
    }
    Annotation a = violation.getConstraintDescriptor().getAnnotation();
    if (a instanceof DecimalMin min) {
      return RangeRule.message(new BigDecimal(min.value()), min.inclusive(), null, false);
    }
    if (a instanceof DecimalMax max) {
      return RangeRule.message(null, false, new BigDecimal(max.value()), max.inclusive());
    }
    return "breaks @" + a.annotationType().getSimpleName();
  }

  /** The code for the constraint: from the table, else its simple name with a lower-case first letter. */
  static String code(Class<? extends Annotation> constraint) {
    String simple = constraint.getSimpleName();
    String code = CODES.get(simple);
    return code != null ? code : simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
  }
}
