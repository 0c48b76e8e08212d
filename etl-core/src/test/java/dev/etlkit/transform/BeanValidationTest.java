package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.Violation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.hibernate.validator.constraints.CodePointLength;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BeanValidationTest {

  /** A bean as a host application would write it. */
  record Person(
      @NotBlank String id,
      @NotBlank @CodePointLength(min = 2, max = 10, message = "must be 2 to 10 characters long") String name,
      @EmailAddress String email,
      @Min(value = 16, message = "must be between 16 and 100") @Max(value = 100, message = "must be between 16 and 100") Long age,
      @OneOf({"A", "B"}) String team,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal pay,
      @PastOrPresent(message = "must not be in the future") LocalDate joined,
      @NotNull Boolean isActive,
      Map<String, Object> metadata) {
  }

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T23:30:00Z"), ZoneId.of("Europe/Paris"));

  private final Transformer<Record, Record> validate = Validate.beans(Person.class);

  @BeforeEach
  void open() throws Exception {
    validate.open(Collected.context(CLOCK));
  }

  private static Record valid() {
    return Record.of("id", "7", "name", "Ann", "email", "ann@x.io", "age", 30L, "team", "A", "pay", new BigDecimal("10"),
        "joined", LocalDate.of(2020, 1, 1), "isActive", true);
  }

  @Test
  void passesAValidRecordWithoutUnknownFieldsInThePropertyOrder() throws Exception {
    Record in = Record.of("nickname", "x", "isActive", true, "id", "7", "name", "Ann", "email", "ann@x.io", "age", 30L,
        "team", "A", "pay", 10L, "joined", LocalDate.of(2020, 1, 1));

    assertThat(Collected.one(validate, in)).isEqualTo(Record.of("id", "7", "name", "Ann", "email", "ann@x.io", "age", 30L,
        "team", "A", "pay", 10L, "joined", LocalDate.of(2020, 1, 1), "isActive", true));
  }

  @Test
  void emitsTheSameRecordWhenItHasOnlyKnownFieldsInOrder() throws Exception {
    Record in = valid();

    assertThat(Collected.one(validate, in)).isSameAs(in);
  }

  @Test
  void reportsEveryViolationInFieldOrderWithRuleCodesAndValues() {
    Record in = Record.of("id", " ", "name", "A", "email", "ann@x", "age", 101L, "team", "C", "pay", BigDecimal.ZERO,
        "joined", LocalDate.of(2025, 6, 17), "metadata", Map.of("k", "v"));

    assertThatThrownBy(() -> validate.transform(in, new Collected()))
        .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("id", "required", "must not be blank"),
            new Violation("name", "length", "must be 2 to 10 characters long, was \"A\""),
            new Violation("email", "email", "must be an email address like name@example.com, was \"ann@x\""),
            new Violation("age", "max", "must be between 16 and 100, was 101"),
            new Violation("team", "oneOf", "must be one of A, B, was \"C\""),
            new Violation("pay", "min", "must be greater than 0, was 0"),
            new Violation("joined", "notFuture", "must not be in the future, was 2025-06-17"),
            new Violation("isActive", "required", "must not be null")))
        .hasMessage("id: must not be blank; name: must be 2 to 10 characters long, was \"A\"; "
            + "email: must be an email address like name@example.com, was \"ann@x\"; age: must be between 16 and 100, was 101; "
            + "team: must be one of A, B, was \"C\"; pay: must be greater than 0, was 0; "
            + "joined: must not be in the future, was 2025-06-17; isActive: must not be null");
  }

  @Test
  void reportsValuesOfTheWrongTypeWithTheOtherViolations() {
    Record in = valid().with("age", "thirty").with("joined", "2020-01-01").with("name", "A").with("metadata", "x");

    assertThatThrownBy(() -> validate.transform(in, new Collected()))
        .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("name", "length", "must be 2 to 10 characters long, was \"A\""),
            new Violation("age", "type", "must be an integer, was \"thirty\""),
            new Violation("joined", "type", "must be a date, was \"2020-01-01\""),
            new Violation("metadata", "type", "must be an object, was \"x\"")));
  }

  enum Level { LOW, HIGH }

  record Ticket(@NotNull Level level, @NotNull Level priority, @CodePointLength(min = 2) String title) {
  }

  @Test
  void reportsAValueJacksonCannotReadWithTheOtherViolations() throws Exception {
    Transformer<Record, Record> tickets = Validate.beans(Ticket.class);
    tickets.open(Collected.context(CLOCK));

    assertThatThrownBy(() -> tickets.transform(Record.of("level", "MIDDLE", "priority", "URGENT", "title", "x"), new Collected()))
        .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.violations())
            .extracting(Violation::field, Violation::rule)
            .containsExactly(tuple("level", "type"), tuple("priority", "type"), tuple("title", "length")))
        .hasMessageContaining("level: cannot be read (")
        .hasMessageContaining("was \"MIDDLE\"");
    assertThat(Collected.one(tickets, Record.of("level", "LOW", "priority", "HIGH", "title", "ok")).get("level")).isEqualTo("LOW");
  }

  @Test
  void reportsOnlyRequiredForABlankValueThatBreaksOtherRulesToo() {
    Record in = valid().with("name", "");

    assertThatThrownBy(() -> validate.transform(in, new Collected()))
        .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("name", "required", "must not be blank")));
  }

  @Test
  void treatsBlankTextAsMissing() throws Exception {
    assertThat(Collected.run(validate, valid().with("age", " ").with("email", "")).emitted).hasSize(1);
    assertThatThrownBy(() -> validate.transform(valid().with("isActive", "\t"), new Collected()))
        .hasMessage("isActive: must not be null");
  }

  @Test
  void takesTodayFromTheRunsClockInItsZone() throws Exception {
    // 2025-06-15T23:30Z is already June 16 in Paris
    assertThat(Collected.run(validate, valid().with("joined", LocalDate.of(2025, 6, 16))).emitted).hasSize(1);
    assertThatThrownBy(() -> validate.transform(valid().with("joined", LocalDate.of(2025, 6, 17)), new Collected()))
        .hasMessage("joined: must not be in the future, was 2025-06-17");
  }

  @Test
  void acceptsNumbersOfAnotherJavaTypeWhenTheValueFits() throws Exception {
    Record in = valid().with("age", 30.0).with("pay", 999.5);

    assertThat(Collected.run(validate, in).emitted).hasSize(1);
  }

  @Test
  void refusesAClassWithoutProperties() {
    assertThatThrownBy(() -> Validate.beans(Object.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("java.lang.Object has no properties to map records to");
  }
}
