package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Record;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NormalizeTest {

  private final Normalize normalize = Normalize.builder()
      .field("email", FieldOp.trim(), FieldOp.lowerCase())
      .field("age", FieldOp.trim())
      .field("age", FieldOp.parseInteger())
      .field("salary", FieldOp.parseDecimal("$,"))
      .build();

  @Test
  void appliesEachFieldsOpsAndKeepsFieldOrder() throws Exception {
    Record in = Record.of("id", "1", "email", " A@B.COM ", "age", " 30 ", "salary", "$75,000", "extra", "x");

    Record out = Collected.one(normalize, in);

    assertThat(out).isEqualTo(Record.of("id", "1", "email", "a@b.com", "age", 30L, "salary", new BigDecimal("75000"), "extra", "x"));
  }

  @Test
  void emitsTheSameRecordWhenNothingChanges() throws Exception {
    Record in = Record.of("id", "1", "email", "a@b.com", "age", 30L);

    assertThat(Collected.one(normalize, in)).isSameAs(in);
  }

  @Test
  void keepsValuesItCannotReadAndNeverThrows() throws Exception {
    Record in = Record.of("age", "thirty", "salary", "75k", "email", 42L);

    assertThat(Collected.one(normalize, in)).isEqualTo(in);
  }

  @Test
  void passesRecordsWithoutTheFields() throws Exception {
    Record in = Record.of("other", " x ");

    assertThat(Collected.one(normalize, in)).isSameAs(in);
  }

  @Test
  void isNamedNormalizeUnlessToldOtherwise() {
    assertThat(normalize.name()).isEqualTo("normalize");
    assertThat(Normalize.builder().name("clean").build().name()).isEqualTo("clean");
  }
}
