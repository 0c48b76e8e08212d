package dev.etlkit.transform;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The one Hibernate Validator factory of the JVM, built on first use. Messages are interpolated with
 * parameters only ({@code {min}}), so no Expression Language implementation is needed.
 */
final class HibernateValidation {

  private static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
      .configure()
      .messageInterpolator(new ParameterMessageInterpolator())
      .buildValidatorFactory();

  private HibernateValidation() {
  }

  /** A validator whose "now" (for {@code @PastOrPresent} and friends) comes from {@code clock}. */
  static Validator validator(Clock clock) {
    return FACTORY.usingContext().clockProvider(() -> clock).getValidator();
  }
}
