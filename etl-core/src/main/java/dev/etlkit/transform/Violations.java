package dev.etlkit.transform;

import dev.etlkit.api.RecordException;
import dev.etlkit.api.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How validation words its findings, shared by the rule and the bean paths so that both read alike. */
final class Violations {

  static final String REQUIRED = "is required";

  private Violations() {
  }

  /** A value as a message shows it: text in double quotes, anything else as itself. */
  static String describe(@Nullable Object value) {
    return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
  }

  /** {@code "must be 2 to 100 characters long"} + {@code ", was \"a\""}. */
  static String withValue(String message, @Nullable Object value) {
    return message + ", was " + describe(value);
  }

  static Violation required(String field) {
    return new Violation(field, "required", REQUIRED);
  }

  static Violation wrongType(String field, ValueType type, Object value) {
    return new Violation(field, "type", withValue("must be " + type.description(), value));
  }

  /** The rejection of a record: the message joins {@code field: message} with {@code "; "}. */
  static RecordException reject(List<Violation> violations) {
    StringBuilder sb = new StringBuilder();
    for (Violation v : violations) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(v.field()).append(": ").append(v.message());
    }
    return new RecordException(sb.toString(), violations);
  }
}
