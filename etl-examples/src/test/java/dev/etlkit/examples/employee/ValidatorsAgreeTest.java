package dev.etlkit.examples.employee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Transformer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The declarative rules, the default, give the same answers as Hibernate Validator on {@link Employee}. */
class ValidatorsAgreeTest {

  @Test
  void giveTheSameAnswersOnManyGeneratedRecords() throws Exception {
    Transformer<Record, Record> normalize = EmployeeRules.normalize();
    Transformer<Record, Record> rules = Outcomes.opened(EmployeeRules.validateWithRules());
    Transformer<Record, Record> beans = Outcomes.opened(EmployeeRules.validateWithBeans());
    int rejected = 0;
    List<Record> raw = SampleEmployees.generate(30_000, 7);

    for (Record r : raw) {
      Record in = Outcomes.emitted(normalize, r).get(0);
      String byRules = outcome(rules, in);
      assertThat(outcome(beans, in)).as(in.toString()).isEqualTo(byRules);
      if (byRules.startsWith("rejected")) {
        rejected++;
      }
    }

    assertThat(rejected).as("rejected records").isBetween(1_200, 1_800);
  }

  @Test
  void giveTheSameAnswersOnRecordsThatWereNotNormalized() throws Exception {
    Transformer<Record, Record> rules = Outcomes.opened(EmployeeRules.validateWithRules());
    Transformer<Record, Record> beans = Outcomes.opened(EmployeeRules.validateWithBeans());

    for (Record in : SampleEmployees.generate(5_000, 8)) {
      assertThat(outcome(beans, in)).as(in.toString()).isEqualTo(outcome(rules, in));
    }
  }

  private static String outcome(Transformer<Record, Record> t, Record in) throws Exception {
    try {
      return "emitted " + Outcomes.emitted(t, in);
    } catch (RecordException e) {
      return "rejected " + e.violations() + " / " + e.violations().stream().map(v -> v.rule()).toList();
    }
  }
}
