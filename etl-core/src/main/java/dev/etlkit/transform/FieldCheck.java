package dev.etlkit.transform;

import dev.etlkit.internal.WhiteSpace;
import dev.etlkit.api.Violation;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules of one field, checked in order: presence, then type, then every other rule. A missing or
 * mistyped value is reported once, without the rules that could not apply to it. Blank text counts as
 * missing, as an empty CSV cell does.
 */
record FieldCheck(String field, boolean required, @Nullable ValueType type, List<Rule> rules) {

  FieldCheck {
    // interned like record layouts' names, so that finding the field is a reference comparison
    field = field.intern();
    rules = List.copyOf(rules);
  }

  /** Adds this field's violations to {@code out}. */
  void check(@Nullable Object value, Clock clock, List<Violation> out) {
    if (value == null || value instanceof String s && WhiteSpace.isBlank(s)) {
      if (required) {
        out.add(Violations.required(field));
      }
      return;
    }
    if (type != null && !type.accepts(value)) {
      out.add(Violations.wrongType(field, type, value));
      return;
    }
    // by index: an iterator per field and record is measurable garbage on millions of records
    for (int i = 0, n = rules.size(); i < n; i++) {
      Violation v = rules.get(i).check(field, value, clock);
      if (v != null) {
        out.add(v);
      }
    }
  }
}
