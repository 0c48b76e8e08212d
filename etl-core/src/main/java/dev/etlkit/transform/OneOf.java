package dev.etlkit.transform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Bean Validation constraint: the text is exactly one of {@link #value()}; null is valid. The same
 * rule as {@link FieldRules#oneOf(String...)}, for {@link Validate#beans(Class)}.
 *
 * <pre>{@code
 * record Employee(@OneOf({"Engineering", "Sales"}) String department) {}
 * }</pre>
 */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface OneOf {

  /** The allowed values. */
  String[] value();

  /** The message; {@code {allowed}} stands for the allowed values joined with ", ". */
  String message() default "must be one of {allowed}";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the Bean Validation API. */
  Class<? extends Payload>[] payload() default {};

  /** Checks {@link OneOf}; public only because Bean Validation instantiates it. */
  final class Check implements ConstraintValidator<OneOf, CharSequence> {
    private Set<String> allowed = Set.of();
    private String joined = "";

    @Override
    public void initialize(OneOf annotation) {
      allowed = Set.of(annotation.value());
      joined = String.join(", ", List.of(annotation.value()));
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      if (value == null || allowed.contains(value.toString())) {
        return true;
      }
      if (context instanceof HibernateConstraintValidatorContext) {
        context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("allowed", joined);
      }
      return false;
    }
  }
}
