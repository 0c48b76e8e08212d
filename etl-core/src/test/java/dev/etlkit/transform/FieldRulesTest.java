package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldRulesTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T23:30:00Z"), ZoneId.of("Europe/Paris"));

  /** The violations of one value of field "f" under {@code rules}; empty when it passes. */
  private static List<Violation> check(FieldRules rules, Object value) throws Exception {
    Transformer<Record, Record> t = rules.build();
    t.open(Collected.context(CLOCK));
    try {
      Record in = value == null ? Record.of("other", 1L) : Record.of("f", value);
      Collected.one(t, in);
      return List.of();
    } catch (RecordException e) {
      return e.violations();
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("required", Validate.fields().field("f").required(), "x", null),
        Arguments.of("required", Validate.fields().field("f").required(), null, "required: is required"),
        Arguments.of("required", Validate.fields().field("f").required(), " \t", "required: is required"),
        Arguments.of("required", Validate.fields().field("f").required(), "\u00a0\u2003", "required: is required"),
        Arguments.of("optional", Validate.fields().field("f").type(ValueType.INTEGER), null, null),
        Arguments.of("optional", Validate.fields().field("f").type(ValueType.INTEGER).min(1), " ", null),
        Arguments.of("required", Validate.fields().field("f").required().type(ValueType.INTEGER), "", "required: is required"),
        Arguments.of("type", Validate.fields().field("f").type(ValueType.INTEGER), "30", "type: must be an integer, was \"30\""),
        Arguments.of("type", Validate.fields().field("f").type(ValueType.INTEGER), 30.5, "type: must be an integer, was 30.5"),
        Arguments.of("type", Validate.fields().field("f").type(ValueType.INTEGER), 30.0, null),
        Arguments.of("type", Validate.fields().field("f").type(ValueType.DECIMAL), 30L, null),
        Arguments.of("type", Validate.fields().field("f").type(ValueType.STRING), 42L, "type: must be text, was 42"),
        Arguments.of("type", Validate.fields().field("f").type(ValueType.BOOLEAN), "maybe", "type: must be true or false, was \"maybe\""),
        Arguments.of("type", Validate.fields().field("f").type(ValueType.DATE), "2023-01-01", "type: must be a date, was \"2023-01-01\""),
        Arguments.of("type", Validate.fields().field("f").type(ValueType.TIMESTAMP), Instant.EPOCH, null),
        Arguments.of("type", Validate.fields().field("f").type(ValueType.LIST), List.of(1L), null),
        Arguments.of("type", Validate.fields().field("f").type(ValueType.OBJECT), "x", "type: must be an object, was \"x\""),
        Arguments.of("min", Validate.fields().field("f").min(16).max(100), 15L, "min: must be between 16 and 100, was 15"),
        Arguments.of("min", Validate.fields().field("f").min(16).max(100), 16L, null),
        Arguments.of("max", Validate.fields().field("f").min(16).max(100), 100L, null),
        Arguments.of("max", Validate.fields().field("f").min(16).max(100), 101L, "max: must be between 16 and 100, was 101"),
        Arguments.of("greaterThan", Validate.fields().field("f").greaterThan(0).max(1_000_000), BigDecimal.ZERO,
            "min: must be greater than 0 and at most 1000000, was 0"),
        Arguments.of("greaterThan", Validate.fields().field("f").greaterThan(0).max(1_000_000), new BigDecimal("0.01"), null),
        Arguments.of("max", Validate.fields().field("f").greaterThan(0).max(1_000_000), new BigDecimal("1000000"), null),
        Arguments.of("max", Validate.fields().field("f").greaterThan(0).max(1_000_000), new BigDecimal("1000000.01"),
            "max: must be greater than 0 and at most 1000000, was 1000000.01"),
        Arguments.of("lessThan", Validate.fields().field("f").lessThan(1.5), 1.5, "max: must be less than 1.5, was 1.5"),
        Arguments.of("min only", Validate.fields().field("f").min(2), "2", "type: must be a number, was \"2\""),
        Arguments.of("length", Validate.fields().field("f").length(2, 100), "A", "length: must be 2 to 100 characters long, was \"A\""),
        Arguments.of("length", Validate.fields().field("f").length(2, 100), "Ab", null),
        Arguments.of("length", Validate.fields().field("f").length(2, 100), "x".repeat(100), null),
        Arguments.of("length", Validate.fields().field("f").length(2, 3), "😀😀😀", null),
        Arguments.of("length", Validate.fields().field("f").length(2, 3), "😀😀😀😀",
            "length: must be 2 to 3 characters long, was \"😀😀😀😀\""),
        Arguments.of("length", Validate.fields().field("f").length(2, Integer.MAX_VALUE), "a",
            "length: must be at least 2 characters long, was \"a\""),
        Arguments.of("pattern", Validate.fields().field("f").pattern("[A-Z]{2}\\d+"), "AB12", null),
        Arguments.of("pattern", Validate.fields().field("f").pattern("[A-Z]{2}\\d+"), "AB12x", "pattern: must match [A-Z]{2}\\d+, was \"AB12x\""),
        Arguments.of("oneOf", Validate.fields().field("f").oneOf("HR", "Sales"), "HR", null),
        Arguments.of("oneOf", Validate.fields().field("f").oneOf("HR", "Sales"), "hr", "oneOf: must be one of HR, Sales, was \"hr\""),
        Arguments.of("notInFuture", Validate.fields().field("f").notInFuture(), LocalDate.of(2025, 6, 16), null),
        Arguments.of("notInFuture", Validate.fields().field("f").notInFuture(), LocalDate.of(2025, 6, 17),
            "notFuture: must not be in the future, was 2025-06-17"));
  }

  @ParameterizedTest(name = "{0}: {2} -> {3}")
  @MethodSource("cases")
  void checksEachRuleAtItsBoundaries(String rule, FieldRules rules, Object value, String expected) throws Exception {
    List<Violation> violations = check(rules, value);
    if (expected == null) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations).singleElement().satisfies(v -> {
        assertThat(v.field()).isEqualTo("f");
        assertThat(v.rule() + ": " + v.message()).isEqualTo(expected);
      });
    }
  }

  static Stream<Arguments> emails() {
    return Stream.of(
        Arguments.of("john@example.com", true), Arguments.of("a.b+c@mail.test.co", true), Arguments.of("o'neil@x.io", true),
        Arguments.of("jöhn@exämple.рф", true), Arguments.of("a..b@x.com", true),
        Arguments.of("john.example.com", false), Arguments.of("john doe@example.com", false),
        Arguments.of("john@example", false), Arguments.of("john@example.c", false), Arguments.of("@example.com", false),
        Arguments.of("john@.com", false), Arguments.of("a@x..io", false), Arguments.of("a@b@c.com", false), Arguments.of("john@example.c0m", false),
        Arguments.of("john@example.com\u00a0", false), Arguments.of("", false));
  }

  @ParameterizedTest(name = "email: \"{0}\" -> {1}")
  @MethodSource("emails")
  void checksEmailAddresses(String email, boolean valid) {
    assertThat(EmailRule.isEmail(email)).isEqualTo(valid);
  }

  @Test
  void reportsEveryBrokenRuleOfARecordAndJoinsThemInTheMessage() {
    Transformer<Record, Record> t = Validate.fields()
        .field("id").required()
        .field("age").required().type(ValueType.INTEGER).min(16).max(100)
        .field("name").length(2, 100).pattern("[A-Z].*")
        .build();

    assertThatThrownBy(() -> t.transform(Record.of("age", "abc", "name", "a"), new Collected()))
        .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("id", "required", "is required"),
            new Violation("age", "type", "must be an integer, was \"abc\""),
            new Violation("name", "length", "must be 2 to 100 characters long, was \"a\""),
            new Violation("name", "pattern", "must match [A-Z].*, was \"a\"")))
        .hasMessage("id: is required; age: must be an integer, was \"abc\"; name: must be 2 to 100 characters long, "
            + "was \"a\"; name: must match [A-Z].*, was \"a\"");
  }

  @Test
  void keepsUnknownFieldsUnlessToldToDropThem() throws Exception {
    Record in = Record.of("extra", "x", "b", 2L, "a", 1L);

    assertThat(Collected.one(Validate.fields().field("a").field("b").build(), in)).isSameAs(in);
    assertThat(Collected.one(Validate.fields().field("a").field("b").field("c").dropUnknown().build(), in))
        .isEqualTo(Record.of("a", 1L, "b", 2L));
    assertThat(Collected.one(Validate.fields().field("a").field("b").dropUnknown().build(),
        Record.of("x", 0L, "a", 1L, "extra", "x", "b", 2L, "y", Map.of("k", "v"))))
        .isEqualTo(Record.of("a", 1L, "b", 2L));
  }

  @Test
  void emitsTheSameRecordWhenDroppingNothing() throws Exception {
    Record in = Record.of("a", 1L, "b", 2L);

    assertThat(Collected.one(Validate.fields().field("a").field("b").dropUnknown().build(), in)).isSameAs(in);
  }

  @Test
  void refusesRulesThatDoNotFitTheDeclaredType() {
    assertThatThrownBy(() -> Validate.fields().field("age").type(ValueType.INTEGER).length(1, 2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'age' is an integer but has a rule for text");
  }

  @Test
  void refusesARuleBeforeAField() {
    assertThatThrownBy(() -> Validate.fields().required())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("call field(name) before adding rules");
  }

  @Test
  void refusesBoundsTheWrongWayRound() {
    assertThatThrownBy(() -> Validate.fields().field("a").min(5).max(1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min 5 is above max 1");
  }

  @Test
  void acceptsNestedObjectsAsObjects() throws Exception {
    Record in = Record.of("metadata", Map.of("k", "v"));

    assertThat(Collected.one(Validate.fields().field("metadata").type(ValueType.OBJECT).build(), in)).isSameAs(in);
  }
}
