package dev.etlkit.examples.employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

/** The enrichment of DESIGN.md's employee profile; "now" is 2025-06-16T03:00Z, "today" June 15 in Chicago. */
class EmployeeEnrichmentTest {

  private Transformer<Record, Record> enrich;

  @BeforeEach
  void open() throws Exception {
    enrich = Outcomes.opened(EmployeeRules.enrich());
  }

  private Map<String, Object> metadata(Record in) throws Exception {
    return Outcomes.emitted(enrich, in).get(0).getMap("metadata");
  }

  private static Record employee(String department, String salary, LocalDate joined) {
    return Record.of("id", "1", "name", "Ann Lee", "email", "ann@x.io", "age", 30L, "department", department,
        "salary", new BigDecimal(salary), "joinDate", joined, "isActive", true);
  }

  @Test
  void addsTheProfilesMetadataAfterTheOtherFields() throws Exception {
    Record out = Outcomes.emitted(enrich, employee("Sales", "62500.5", LocalDate.of(2019, 3, 1))).get(0);

    assertThat(out.fieldNames()).containsExactly("id", "name", "email", "age", "department", "salary", "joinDate",
        "isActive", "metadata");
    assertThat(out.getMap("metadata")).containsExactly(
        Map.entry("experienceYears", 6L),
        Map.entry("salaryGrade", "Mid"),
        Map.entry("processedAt", "2025-06-16T03:00:00Z"),
        Map.entry("enrichmentVersion", "1.0"));
  }

  @Test
  void givesEngineeringItsTechLevelAndSkills() throws Exception {
    assertThat(metadata(employee("Engineering", "130000", LocalDate.of(2020, 1, 15)))).containsExactly(
        Map.entry("experienceYears", 5L),
        Map.entry("salaryGrade", "Principal"),
        Map.entry("processedAt", "2025-06-16T03:00:00Z"),
        Map.entry("enrichmentVersion", "1.0"),
        Map.entry("techLevel", "Senior"),
        Map.entry("skills", List.of("JavaScript", "TypeScript", "Node.js")));
  }

  @Test
  void keepsTheRecordsOwnMetadataInPlace() throws Exception {
    Record in = employee("HR", "54000", LocalDate.of(2018, 11, 5)).with("metadata", Map.of("source", "hris"));
    Record tagged = Record.of("metadata", Map.of("source", "hris"), "id", "2", "department", "HR");

    assertThat(metadata(in)).containsExactly(
        Map.entry("source", "hris"),
        Map.entry("experienceYears", 6L),
        Map.entry("salaryGrade", "Mid"),
        Map.entry("processedAt", "2025-06-16T03:00:00Z"),
        Map.entry("enrichmentVersion", "1.0"));
    assertThat(Outcomes.emitted(enrich, tagged).get(0).fieldNames()).containsExactly("metadata", "id", "department");
  }

  static Stream<Arguments> grades() {
    return Stream.of(
        Arguments.of("0.01", "Junior"), Arguments.of("49999.99", "Junior"), Arguments.of("50000", "Mid"),
        Arguments.of("79999.99", "Mid"), Arguments.of("80000", "Senior"), Arguments.of("119999.99", "Senior"),
        Arguments.of("120000", "Principal"), Arguments.of("1000000", "Principal"));
  }

  @ParameterizedTest(name = "salary {0} -> {1}")
  @MethodSource("grades")
  void gradesSalaries(String salary, String grade) throws Exception {
    assertThat(metadata(employee("HR", salary, LocalDate.of(2020, 1, 1))).get("salaryGrade")).isEqualTo(grade);
  }

  static Stream<Arguments> experience() {
    return Stream.of(
        Arguments.of(Outcomes.TODAY, 0L),
        Arguments.of(Outcomes.TODAY.minusDays(364), 0L),
        Arguments.of(Outcomes.TODAY.minusDays(365), 1L),
        Arguments.of(LocalDate.of(2015, 6, 16), 10L),
        Arguments.of(LocalDate.of(2015, 6, 14), 10L),
        Arguments.of(LocalDate.of(2000, 1, 1), 25L));
  }

  @ParameterizedTest(name = "joined {0} -> {1} years")
  @MethodSource("experience")
  void countsExperienceInWholeDaysOver365Floored(LocalDate joined, long years) throws Exception {
    assertThat(metadata(employee("HR", "54000", joined)).get("experienceYears")).isEqualTo(years);
  }

  @Test
  void leavesOutWhatItCannotComputeFromUnvalidatedValues() throws Exception {
    Record raw = Record.of("id", "1", "salary", "75k", "joinDate", "soon", "department", "eng");

    assertThat(metadata(raw)).containsExactly(
        Map.entry("processedAt", "2025-06-16T03:00:00Z"),
        Map.entry("enrichmentVersion", "1.0"));
  }

  @Test
  void rejectsAMetadataThatIsNotAnObjectInsteadOfReplacingIt() {
    for (Object had : List.of("str", List.of(1L, 2L))) {
      assertThatThrownBy(() -> Outcomes.emitted(enrich, employee("HR", "54000", LocalDate.of(2020, 1, 1)).with("metadata", had)))
          .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.violations())
              .extracting(Violation::field, Violation::rule).containsExactly(tuple("metadata", "type")))
          .hasMessageStartingWith("metadata: must be an object to be enriched, was ");
    }
  }
}
