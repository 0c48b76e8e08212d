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

/**
 * Bean Validation constraint: the text is an email address {@code local@domain.tld} with no white
 * space and a top-level domain of two letters or more; null is valid. The same rule as
 * {@link FieldRules#email()}. Unlike {@code jakarta.validation.constraints.Email} it requires a dot
 * and a top-level domain, and puts no other limits on the local part.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Check.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface EmailAddress {

  /** The message. */
  String message() default EmailRule.MESSAGE;

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the Bean Validation API. */
  Class<? extends Payload>[] payload() default {};

  /** Checks {@link EmailAddress}; public only because Bean Validation instantiates it. */
  final class Check implements ConstraintValidator<EmailAddress, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || EmailRule.isEmail(value.toString());
    }
  }
}
