package dev.etlkit.testkit;

import dev.etlkit.api.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/** AssertJ assertions on a {@link Record}; start with {@link EtlAssertions#assertThat(Record)}. */
public final class RecordAssert extends AbstractAssert<RecordAssert, Record> {

  RecordAssert(Record actual) {
    super(actual, RecordAssert.class);
  }

  /**
   * Equal as {@link Record#equals} says: the same fields in the same order with equal values. A failure
   * names each field that differs and the values' types, which a record's text does not show ({@code 41}
   * and {@code "41"} print alike).
   */
  @Override
  public RecordAssert isEqualTo(@Nullable Object expected) {
    if (expected instanceof Record wanted && actual != null && !actual.equals(wanted)) {
      failWithMessage("Expected record%n  <%s>%nbut was%n  <%s>%n%s", wanted, actual, String.join("\n", differences(wanted, actual)));
    }
    return super.isEqualTo(expected);
  }

  private static List<String> differences(Record wanted, Record got) {
    List<String> out = new ArrayList<>();
    for (String field : wanted.fieldNames()) {
      if (!got.has(field)) {
        out.add("field '" + field + "' is missing");
      } else if (!Objects.equals(wanted.get(field), got.get(field))) {
        out.add("field '" + field + "': expected " + typed(wanted.get(field)) + " but was " + typed(got.get(field)));
      }
    }
    for (String field : got.fieldNames()) {
      if (!wanted.has(field)) {
        out.add("field '" + field + "' is not expected, holds " + typed(got.get(field)));
      }
    }
    if (out.isEmpty()) {
      out.add("same fields and values, in another order: expected " + wanted.fieldNames() + " but was " + got.fieldNames());
    }
    return out;
  }

  private static String typed(@Nullable Object value) {
    return value == null ? "null" : "<" + value + "> (" + value.getClass().getSimpleName() + ")";
  }

  /** The field exists and holds exactly this value (type included: 30L, not 30). */
  public RecordAssert hasField(String field, @Nullable Object value) {
    isNotNull();
    if (!actual.has(field)) {
      failWithMessage("Expected record to have field '%s' but it has only %s", field, actual.fieldNames());
    }
    Object got = actual.get(field);
    if (!Objects.equals(got, value)) {
      failWithMessage("Expected field '%s' to be <%s> (%s) but was <%s> (%s)", field, value,
          value == null ? "null" : value.getClass().getSimpleName(), got, got == null ? "null" : got.getClass().getSimpleName());
    }
    return this;
  }

  /** The record has no such field. */
  public RecordAssert doesNotHaveField(String field) {
    isNotNull();
    if (actual.has(field)) {
      failWithMessage("Expected record not to have field '%s' but it holds <%s>", field, actual.get(field));
    }
    return this;
  }

  /** The record's field names, in order, are exactly these. */
  public RecordAssert hasFieldNames(String... names) {
    isNotNull();
    if (!actual.fieldNames().equals(List.of(names))) {
      failWithMessage("Expected fields %s but were %s", List.of(names), actual.fieldNames());
    }
    return this;
  }
}
