package dev.etlkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.EtlException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkStateTest {

  @Test
  void takesWhatComesBackFromJsonAsItWasSaved() throws Exception {
    Map<String, Object> state = Map.of("length", 4096L, "ratio", 0.5f, "big", new BigInteger("123456789012345678901234"),
        "files", List.of("a.csv", true), "nested", Map.of("n", 3));

    assertThat(SinkState.checked("out", state)).isSameAs(state);
    assertThat(PlainJson.parse(PlainJson.toBytes(state))).isEqualTo(Map.of("length", 4096L, "ratio", 0.5d,
        "big", new BigInteger("123456789012345678901234"), "files", List.of("a.csv", true), "nested", Map.of("n", 3L)));
  }

  @Test
  void refusesWhatJsonWouldGiveBackAsSomethingElseNamingTheKey() {
    assertThatThrownBy(() -> SinkState.checked("out", Map.of("total", new BigDecimal("12345678901234567890.123456789"))))
        .isInstanceOf(EtlException.class)
        .hasMessageStartingWith("sink 'out' cannot be checkpointed: its state 'total' is a BigDecimal, which would come back"
            + " as a rounded Double; keep it as a string");
    assertThatThrownBy(() -> SinkState.checked("out", Map.of("rate", Double.NaN)))
        .hasMessageStartingWith("sink 'out' cannot be checkpointed: its state 'rate' is NaN, not a finite number");
    assertThatThrownBy(() -> SinkState.checked("out", Map.of("files", List.of("a", new Object()))))
        .hasMessageStartingWith("sink 'out' cannot be checkpointed: its state 'files' is a java.lang.Object");
  }
}
