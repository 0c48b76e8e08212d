package dev.etlkit.transform;

import dev.etlkit.api.Violation;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** One declarative rule on one field's value, which is known to be present and of the right type. */
interface Rule {

  /** The violation, or null when {@code value} keeps the rule. "Today" comes from {@code clock}. */
  @Nullable Violation check(String field, Object value, Clock clock);

  /** The value type the rule works on, implied when the field declares none. */
  ValueType type();

  /** What the rule asks ("must be between 16 and 100"), for the pipeline's fingerprint. */
  String description();
}
