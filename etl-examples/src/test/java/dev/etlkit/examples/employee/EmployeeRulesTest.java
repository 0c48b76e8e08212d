package dev.etlkit.examples.employee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Transformer;
import org.junit.jupiter.api.Test;

class EmployeeRulesTest {

  @Test
  void ordersTheStepsNormalizeValidateEnrichDeduplicate() {
    assertThat(EmployeeRules.transformers(true, true, true, true)).extracting(Transformer::name)
        .containsExactly("normalize", "validate", "enrich", "deduplicate");
  }

  @Test
  void turnsOnOnlyTheStepsWhoseSwitchIsOn() {
    assertThat(EmployeeRules.transformers(true, false, false, false)).extracting(Transformer::name).containsExactly("validate");
    assertThat(EmployeeRules.transformers(false, true, false, true)).extracting(Transformer::name)
        .containsExactly("normalize", "deduplicate");
    assertThat(EmployeeRules.transformers(false, false, true, false)).extracting(Transformer::name).containsExactly("enrich");
    assertThat(EmployeeRules.transformers(false, false, false, false)).isEmpty();
  }

  @Test
  void makesNewTransformersEachTimeSoDeduplicationIsNeverShared() {
    assertThat(EmployeeRules.transformers(false, true, false, false).get(0))
        .isNotSameAs(EmployeeRules.transformers(false, true, false, false).get(0));
  }
}
