package dev.etlkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordLayoutTest {

  @Test
  void makesRecordsEqualToBuiltOnes() {
    Record.Layout layout = Record.layout("id", "age");

    assertThat(layout.record("1", 30)).isEqualTo(Record.builder().put("id", "1").put("age", 30L).build());
  }

  @Test
  void copiesTheValuesSoLaterChangesDoNotLeakIn() {
    Object[] values = {"1", "Ann"};
    Record r = Record.layout(List.of("id", "name")).record(values);
    values[1] = "Bob";

    assertThat(r.get("name")).isEqualTo("Ann");
  }

  @Test
  void rejectsDuplicateNames() {
    assertThatThrownBy(() -> Record.layout("id", "name", "id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field names must be distinct, 'id' appears twice");
  }

  @Test
  void rejectsAValueCountThatDiffersFromTheNames() {
    assertThatThrownBy(() -> Record.layout("id", "name").record("1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the layout has 2 fields but 1 values were given");
  }

  @Test
  void rejectsUnsupportedValueTypesNamingTheField() {
    assertThatThrownBy(() -> Record.layout("when").record(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("field 'when' has an unsupported value type java.lang.Object");
  }
}
