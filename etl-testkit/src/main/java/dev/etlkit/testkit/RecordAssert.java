package dev.etlkit.testkit;

import dev.etlkit.api.Record;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/** AssertJ assertions on a {@link Record}; start with {@link EtlAssertions#assertThat(Record)}. */
public final class RecordAssert extends AbstractAssert<RecordAssert, Record> {

  RecordAssert(Record actual) {
    super(actual, RecordAssert.class);
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
