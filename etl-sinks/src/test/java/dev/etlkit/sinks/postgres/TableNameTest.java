package dev.etlkit.sinks.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableNameTest {

  @Test
  void readsPlainNamesSplitAtTheFirstDot() {
    assertThat(TableName.parse("employees")).isEqualTo(new TableName(null, "employees"));
    assertThat(TableName.parse("Reporting.Employees")).isEqualTo(new TableName("Reporting", "Employees"));
  }

  @Test
  void readsQuotedPartsAsSqlWritesThem() {
    assertThat(TableName.parse("\"Already.Quoted\"")).isEqualTo(new TableName(null, "Already.Quoted"));
    assertThat(TableName.parse("reporting.\"Dot.Inside\"")).isEqualTo(new TableName("reporting", "Dot.Inside"));
    assertThat(TableName.parse("\"my schema\".\"say \"\"hi\"\"\"")).isEqualTo(new TableName("my schema", "say \"hi\""));
    assertThat(TableName.parse("reporting.\"Dot.Inside\"").sql()).isEqualTo("\"reporting\".\"Dot.Inside\"");
  }

  @Test
  void refusesMalformedNames() {
    for (String bad : new String[] {"", ".t", "s.", "\"open", "\"a\"b", "a.b.\"c\"", "\"\""}) {
      assertThatThrownBy(() -> TableName.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
