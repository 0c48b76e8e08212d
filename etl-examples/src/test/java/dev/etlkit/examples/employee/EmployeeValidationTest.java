package dev.etlkit.examples.employee;

import static dev.etlkit.examples.employee.Outcomes.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each validation rule of DESIGN.md's employee profile at its boundaries, checked against both
 * validators (declarative rules and Hibernate Validator), which must agree.
 */
class EmployeeValidationTest {

  private static final Object MISSING = new Object() {
    @Override
    public String toString() {
      return "(missing)";
    }
  };

  private Transformer<Record, Record> rules;
  private Transformer<Record, Record> beans;

  @BeforeEach
  void open() throws Exception {
    rules = Outcomes.opened(EmployeeRules.validateWithRules());
    beans = Outcomes.opened(EmployeeRules.validateWithBeans());
  }

  static Record valid() {
    return Record.of("id", "1", "name", "John Doe", "email", "john@example.com", "age", 30L, "department", "Engineering",
        "salary", new BigDecimal("75000"), "joinDate", LocalDate.of(2023, 1, 15), "isActive", true);
  }

  static Stream<Arguments> cases() {
    String hundred = "N" + "a".repeat(99);
    return Stream.of(
        Arguments.of("id", "E-1", null),
        Arguments.of("id", "", "required: is required"),
        Arguments.of("id", "   ", "required: is required"),
        Arguments.of("id", MISSING, "required: is required"),
        Arguments.of("id", 42L, "type: must be text, was 42"),
        Arguments.of("name", "Jo", null),
        Arguments.of("name", "A", "length: must be 2 to 100 characters long, was \"A\""),
        Arguments.of("name", hundred, null),
        Arguments.of("name", hundred + "b", "length: must be 2 to 100 characters long, was \"" + hundred + "b\""),
        Arguments.of("name", "O'Brien", null),
        Arguments.of("name", "D'Arcy O'Neil-Smith", null),
        Arguments.of("name", "Anne-Marie", null),
        Arguments.of("name", "Zoë Ñandú-Müller", null),
        Arguments.of("name", "李小", null),
        Arguments.of("name", "😀", "length: must be 2 to 100 characters long, was \"😀\""),
        Arguments.of("name", "😀😀", null),
        Arguments.of("name", "", "required: is required"),
        Arguments.of("email", "a.b+c@mail.test.co", null),
        Arguments.of("email", "o'neil@example.io", null),
        Arguments.of("email", "john.example.com", "email: must be an email address like name@example.com, was \"john.example.com\""),
        Arguments.of("email", "john doe@example.com", "email: must be an email address like name@example.com, was \"john doe@example.com\""),
        Arguments.of("email", "john@example", "email: must be an email address like name@example.com, was \"john@example\""),
        Arguments.of("email", "john@example.c", "email: must be an email address like name@example.com, was \"john@example.c\""),
        Arguments.of("email", "@example.com", "email: must be an email address like name@example.com, was \"@example.com\""),
        Arguments.of("email", "", "required: is required"),
        Arguments.of("age", 15L, "min: must be between 16 and 100, was 15"),
        Arguments.of("age", 16L, null),
        Arguments.of("age", 100L, null),
        Arguments.of("age", 101L, "max: must be between 16 and 100, was 101"),
        Arguments.of("age", -5L, "min: must be between 16 and 100, was -5"),
        Arguments.of("age", "abc", "type: must be an integer, was \"abc\""),
        Arguments.of("age", "30", "type: must be an integer, was \"30\""),
        Arguments.of("age", new BigDecimal("30.5"), "type: must be an integer, was 30.5"),
        Arguments.of("age", MISSING, "required: is required"),
        Arguments.of("department", "Engineering", null),
        Arguments.of("department", "Sales", null),
        Arguments.of("department", "Marketing", null),
        Arguments.of("department", "HR", null),
        Arguments.of("department", "Finance", null),
        Arguments.of("department", "Legal", "oneOf: must be one of Engineering, Sales, Marketing, HR, Finance, was \"Legal\""),
        Arguments.of("department", "engineering", "oneOf: must be one of Engineering, Sales, Marketing, HR, Finance, was \"engineering\""),
        Arguments.of("salary", BigDecimal.ZERO, "min: must be greater than 0 and at most 1000000, was 0"),
        Arguments.of("salary", new BigDecimal("0.01"), null),
        Arguments.of("salary", new BigDecimal("1000000"), null),
        Arguments.of("salary", new BigDecimal("1000000.00"), null),
        Arguments.of("salary", new BigDecimal("1000000.01"), "max: must be greater than 0 and at most 1000000, was 1000000.01"),
        Arguments.of("salary", new BigDecimal("-1200"), "min: must be greater than 0 and at most 1000000, was -1200"),
        Arguments.of("salary", 75000L, null),
        Arguments.of("salary", "75k", "type: must be a number, was \"75k\""),
        Arguments.of("joinDate", TODAY, null),
        Arguments.of("joinDate", TODAY.plusDays(1), "notFuture: must not be in the future, was 2025-06-16"),
        Arguments.of("joinDate", LocalDate.of(2000, 2, 29), null),
        Arguments.of("joinDate", "2023-02-30", "type: must be a date, was \"2023-02-30\""),
        Arguments.of("isActive", false, null),
        Arguments.of("isActive", "maybe", "type: must be true or false, was \"maybe\""),
        Arguments.of("isActive", MISSING, "required: is required"),
        Arguments.of("metadata", Map.of("source", "hris"), null),
        Arguments.of("metadata", "hris", "type: must be an object, was \"hris\""));
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @MethodSource("cases")
  void checksEachRuleAtItsBoundariesWithBothValidators(String field, Object value, String expected) throws Exception {
    Record in = value == MISSING ? valid().without(field) : valid().with(field, value);
    for (Map.Entry<String, Transformer<Record, Record>> validator : Map.of("rules", rules, "beans", beans).entrySet()) {
      List<Violation> violations = Outcomes.violations(validator.getValue(), in);
      if (expected == null) {
        assertThat(violations).as(validator.getKey()).isEmpty();
      } else {
        assertThat(violations).as(validator.getKey()).singleElement().satisfies(v -> {
          assertThat(v.field()).isEqualTo(field);
          assertThat(v.rule() + ": " + v.message()).isEqualTo(expected);
        });
      }
    }
  }

  @Test
  void reportsEveryFailingRuleOfTheSeedsInvalidRecord() throws Exception {
    Record raw = Record.of("id", "1", "name", "a", "email", "invalid-email", "age", "not-a-number", "department", "unknown",
        "salary", "invalid", "joinDate", "invalid-date", "isActive", "maybe");
    Record normalized = Outcomes.emitted(EmployeeRules.normalize(), raw).get(0);

    for (Transformer<Record, Record> validator : List.of(rules, beans)) {
      assertThatThrownBy(() -> Outcomes.emitted(validator, normalized))
          .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.violations()).extracting(Violation::rule)
              .containsExactly("length", "email", "type", "oneOf", "type", "type", "type"))
          .hasMessage("name: must be 2 to 100 characters long, was \"A\"; "
              + "email: must be an email address like name@example.com, was \"invalid-email\"; "
              + "age: must be an integer, was \"not-a-number\"; "
              + "department: must be one of Engineering, Sales, Marketing, HR, Finance, was \"unknown\"; "
              + "salary: must be a number, was \"invalid\"; "
              + "joinDate: must be a date, was \"invalid-date\"; "
              + "isActive: must be true or false, was \"maybe\"");
    }
  }

  @Test
  void keepsOnlyTheEmployeeFieldsInTheProfileOrder() throws Exception {
    Record in = Record.of("nickname", "Jo", "isActive", true, "metadata", Map.of("k", "v"), "salary", 75000L,
        "joinDate", LocalDate.of(2023, 1, 15), "department", "HR", "age", 30L, "email", "jo@x.io", "name", "Jo", "id", "1");

    for (Transformer<Record, Record> validator : List.of(rules, beans)) {
      assertThat(Outcomes.emitted(validator, in)).containsExactly(Record.of("id", "1", "name", "Jo", "email", "jo@x.io",
          "age", 30L, "department", "HR", "salary", 75000L, "joinDate", LocalDate.of(2023, 1, 15), "isActive", true,
          "metadata", Map.of("k", "v")));
    }
  }

  @Test
  void defaultsToTheDeclarativeRules() {
    assertThat(EmployeeRules.validate().getClass()).isEqualTo(EmployeeRules.validateWithRules().getClass());
  }
}
