package dev.etlkit.transform;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Violation;
import java.util.List;
import java.util.Map;
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

  /** A value Jackson could not map onto its bean property, as a type violation of its field. */
  static Violation unmappable(IllegalArgumentException e, Map<String, Object> values) {
    String field = "";
    String why = e.getMessage();
    if (e.getCause() instanceof JsonMappingException jme) {
      why = jme.getOriginalMessage();
      if (!jme.getPath().isEmpty() && jme.getPath().get(0).getFieldName() != null) {
        field = jme.getPath().get(0).getFieldName();
      }
    }
    String firstLine = why == null ? "" : why.lines().findFirst().orElse("");
    return new Violation(field, "type", withValue("cannot be read (" + firstLine + ")", values.get(field)));
  }
}
