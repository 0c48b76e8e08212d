package dev.etlkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import dev.etlkit.api.Record;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PlainJsonTest {

  @Test
  void readsWholeNumbersAsLongsAsRecordsHoldThem() throws Exception {
    Object tree = PlainJson.parse(bytes("{\"int\": 7, \"long\": 3000000000, \"big\": 123456789012345678901234567890,"
        + " \"decimal\": 1.50, \"exp\": 1e3, \"negative\": -2}"));

    assertThat(tree).isInstanceOfSatisfying(Map.class, m -> {
      assertThat(m.get("int")).isEqualTo(7L);
      assertThat(m.get("long")).isEqualTo(3_000_000_000L);
      assertThat(m.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
      assertThat(m.get("decimal")).isEqualTo(1.5d);
      assertThat(m.get("exp")).isEqualTo(1000d);
      assertThat(m.get("negative")).isEqualTo(-2L);
    });
  }

  @Test
  void keepsTheOrderOfKeysAndNesting() throws Exception {
    byte[] json = bytes("{\"z\":[1,{\"b\":null,\"a\":[]},\"s\"],\"a\":true,\"m\":{},\"f\":false}");

    Object tree = PlainJson.parse(json);

    assertThat(tree).isInstanceOfSatisfying(LinkedHashMap.class, m -> assertThat(m.keySet()).containsExactly("z", "a", "m", "f"));
    assertThat(PlainJson.toBytes(tree)).isEqualTo(json);
  }

  @Test
  void writesRecordsDatesEnumsAndOtherNumbersAsTheirPlainForms() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("record", Record.of("id", "7", "salary", new BigDecimal("75000.50"), "joined", LocalDate.of(2024, 2, 29)));
    m.put("at", Instant.parse("2024-06-01T12:00:00.120Z"));
    m.put("unit", TimeUnit.SECONDS);
    m.put("counter", new AtomicLong(42));
    m.put("ratio", 0.25d);
    m.put("small", 1.5f);
    m.put("array", new Object[] {1, "two"});
    m.put("list", Arrays.asList("x", null));

    assertThat(new String(PlainJson.toBytes(m), StandardCharsets.UTF_8)).isEqualTo("{"
        + "\"record\":{\"id\":\"7\",\"salary\":75000.50,\"joined\":\"2024-02-29\"},"
        + "\"at\":\"2024-06-01T12:00:00.120Z\",\"unit\":\"SECONDS\",\"counter\":42,\"ratio\":0.25,\"small\":1.5,"
        + "\"array\":[1,\"two\"],\"list\":[\"x\",null]}");
  }

  @Test
  void refusesContentAfterTheValueAndAnEmptyInputWithTheirLocation() {
    assertThatThrownBy(() -> PlainJson.parse(bytes("{\"a\": 1}\n{\"b\": 2}")))
        .isInstanceOf(JsonParseException.class)
        .hasMessageStartingWith("unexpected content after the JSON value")
        .satisfies(e -> assertThat(((JsonParseException) e).getLocation().getLineNr()).isEqualTo(2));
    assertThatThrownBy(() -> PlainJson.parse(bytes("  ")))
        .isInstanceOf(JsonParseException.class)
        .hasMessageStartingWith("no JSON value, the input is empty");
  }

  @Test
  void readsScalarsAtTheTopLevel() throws Exception {
    assertThat(PlainJson.parse(bytes("\"text\""))).isEqualTo("text");
    assertThat(PlainJson.parse(bytes("null"))).isNull();
    assertThat(PlainJson.parse(bytes("[]"))).isEqualTo(List.of());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
