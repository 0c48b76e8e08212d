package dev.etlkit.examples.employee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.transform.Normalize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each normalization rule of DESIGN.md's employee profile, one row per case. */
class EmployeeNormalizationTest {

  private final Normalize normalize = EmployeeRules.normalize();

  private Object normalized(String field, Object raw) {
    List<Record> out = new ArrayList<>();
    normalize.transform(Record.of(field, raw), new Emitter<>() {
      @Override
      public void emit(Record item) {
        out.add(item);
      }

      @Override
      public void duplicate() {
        throw new AssertionError("normalize never drops records");
      }
    });
    return out.get(0).get(field);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // id: trimmed; a number becomes its decimal string
        Arguments.of("id", " 42 ", "42"),
        Arguments.of("id", 42L, "42"),
        Arguments.of("id", 42.0, "42"),
        Arguments.of("id", new BigDecimal("42.50"), "42.5"),
        Arguments.of("id", "E-007", "E-007"),
        // email: trimmed, lower-cased
        Arguments.of("email", " JOHN@EXAMPLE.COM ", "john@example.com"),
        Arguments.of("email", "John.Doe.1@Mail.Test.Co", "john.doe.1@mail.test.co"),
        // name: trimmed, white space collapsed, first letter of each word upper-cased
        Arguments.of("name", "john  o'brien", "John O'Brien"),
        Arguments.of("name", " \tjohn   doe  ", "John Doe"),
        Arguments.of("name", "anne-marie smith-jones", "Anne-Marie Smith-Jones"),
        Arguments.of("name", "d'arcy van der berg", "D'Arcy Van Der Berg"),
        Arguments.of("name", "JEAN-LUC mcDONALD", "JEAN-LUC McDONALD"),
        Arguments.of("name", "müller ñandú", "Müller Ñandú"),
        Arguments.of("name", "élodie østergård", "Élodie Østergård"),
        Arguments.of("name", "李 小龙", "李 小龙"),
        Arguments.of("name", "ivan ivanova\u00a0petrova", "Ivan Ivanova Petrova"),
        // department: trimmed, aliases matched ignoring case, anything else stays trimmed
        Arguments.of("department", "eng", "Engineering"),
        Arguments.of("department", " ENG ", "Engineering"),
        Arguments.of("department", "Dev", "Engineering"),
        Arguments.of("department", "dEV", "Engineering"),
        Arguments.of("department", "ENGINEERING", "Engineering"),
        Arguments.of("department", "engineering", "Engineering"),
        Arguments.of("department", "SaLeS", "Sales"),
        Arguments.of("department", "MKTG", "Marketing"),
        Arguments.of("department", "Mktg", "Marketing"),
        Arguments.of("department", "mArKeTiNg", "Marketing"),
        Arguments.of("department", "hR", "HR"),
        Arguments.of("department", " Hr ", "HR"),
        Arguments.of("department", "HUMAN RESOURCES", "HR"),
        Arguments.of("department", "Human Resources", "HR"),
        Arguments.of("department", "fInAnCe", "Finance"),
        Arguments.of("department", "ACCOUNTING", "Finance"),
        Arguments.of("department", "Accounting", "Finance"),
        Arguments.of("department", " Legal ", "Legal"),
        Arguments.of("department", "human  resources", "human  resources"),
        // age: an optional sign and digits (after trimming) becomes an integer; anything else stays
        Arguments.of("age", "30", 30L),
        Arguments.of("age", " 30 ", 30L),
        Arguments.of("age", "+12", 12L),
        Arguments.of("age", "-5", -5L),
        Arguments.of("age", 30L, 30L),
        Arguments.of("age", "30.5", "30.5"),
        Arguments.of("age", "thirty", "thirty"),
        Arguments.of("age", "3O", "3O"),
        Arguments.of("age", "", ""),
        // salary: loses $ , and surrounding spaces, becomes a decimal if it then parses
        Arguments.of("salary", "$75,000", new BigDecimal("75000")),
        Arguments.of("salary", " $75,000.50 ", new BigDecimal("75000.50")),
        Arguments.of("salary", "75000.5", new BigDecimal("75000.5")),
        Arguments.of("salary", "$1,000,000.01", new BigDecimal("1000000.01")),
        Arguments.of("salary", "$-1,200", new BigDecimal("-1200")),
        Arguments.of("salary", 75000L, new BigDecimal("75000")),
        Arguments.of("salary", "75k", "75k"),
        Arguments.of("salary", "12.5.0", "12.5.0"),
        Arguments.of("salary", "N/A", "N/A"),
        Arguments.of("salary", "$", "$"),
        // joinDate: trimmed; yyyy-MM-dd, yyyy/MM/dd or an ISO date-time (its date part) become a date
        Arguments.of("joinDate", "2023-01-15", LocalDate.of(2023, 1, 15)),
        Arguments.of("joinDate", " 2023/01/15 ", LocalDate.of(2023, 1, 15)),
        Arguments.of("joinDate", "2023-01-15T09:30:00Z", LocalDate.of(2023, 1, 15)),
        Arguments.of("joinDate", "2023-01-15T23:59:59.123Z", LocalDate.of(2023, 1, 15)),
        Arguments.of("joinDate", "2023-01-15T00:00:00+02:00", LocalDate.of(2023, 1, 15)),
        Arguments.of("joinDate", "2023-01-15T17:05:42", LocalDate.of(2023, 1, 15)),
        Arguments.of("joinDate", "2023-02-30", "2023-02-30"),
        Arguments.of("joinDate", "2023-13-01", "2023-13-01"),
        Arguments.of("joinDate", "2023/00/10", "2023/00/10"),
        Arguments.of("joinDate", "15/01/2023", "15/01/2023"),
        Arguments.of("joinDate", " not-a-date ", "not-a-date"),
        // isActive: true/1/yes/y/active -> true; false/0/no/n/inactive -> false; trimmed, any case
        Arguments.of("isActive", "true", true),
        Arguments.of("isActive", "TRUE", true),
        Arguments.of("isActive", " Yes ", true),
        Arguments.of("isActive", "Y", true),
        Arguments.of("isActive", "1", true),
        Arguments.of("isActive", "Active", true),
        Arguments.of("isActive", "false", false),
        Arguments.of("isActive", "No", false),
        Arguments.of("isActive", "n", false),
        Arguments.of("isActive", "0", false),
        Arguments.of("isActive", "INACTIVE", false),
        Arguments.of("isActive", true, true),
        Arguments.of("isActive", "maybe", "maybe"),
        Arguments.of("isActive", "t", "t"),
        Arguments.of("isActive", 1L, 1L));
  }

  @ParameterizedTest(name = "{0}: [{1}] -> [{2}]")
  @MethodSource("cases")
  void normalizesEachField(String field, Object raw, Object expected) {
    assertThat(normalized(field, raw)).isEqualTo(expected);
  }

  @Test
  void leavesOtherFieldsAndTheFieldOrderAlone() {
    Record in = Record.of("nickname", " jo ", "metadata", Map.of("k", " v "), "id", 7L);
    List<Record> out = new ArrayList<>();
    normalize.transform(in, new Emitter<>() {
      @Override
      public void emit(Record item) {
        out.add(item);
      }

      @Override
      public void duplicate() {
      }
    });

    assertThat(out).containsExactly(Record.of("nickname", " jo ", "metadata", Map.of("k", " v "), "id", "7"));
  }
}
