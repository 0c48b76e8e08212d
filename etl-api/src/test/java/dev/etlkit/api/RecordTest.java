package dev.etlkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordTest {

  @Test
  void widensNumbersOnTheWayIn() {
    Record r = Record.of("age", 30, "big", BigInteger.TEN, "ratio", 0.5f);

    assertThat(r.get("age")).isEqualTo(30L);
    assertThat(r.get("big")).isEqualTo(BigDecimal.TEN);
    assertThat(r.get("ratio")).isEqualTo(0.5d);
  }

  @Test
  void withLeavesTheOriginalAsItWas() {
    Record r = Record.of("id", "1", "age", 30L);
    Record older = r.with("age", 31L).with("city", "Oslo");

    assertThat(r.fieldNames()).containsExactly("id", "age");
    assertThat(r.getLong("age")).isEqualTo(30L);
    assertThat(older.fieldNames()).containsExactly("id", "age", "city");
    assertThat(older.getLong("age")).isEqualTo(31L);
  }

  @Test
  void copiesANestedMapSoThatLaterChangesDoNotLeakIn() {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("b", 1);
    meta.put("a", List.of(2));
    Record r = Record.of("meta", meta);
    meta.put("c", 3);

    assertThat(r.getMap("meta")).containsExactly(Map.entry("b", 1L), Map.entry("a", List.of(2L)));
    assertThatThrownBy(() -> r.getMap("meta").put("d", 4L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void showsItsFieldsAsAnOrderedUnmodifiableMap() {
    Record r = Record.of("z", "last letter", "a", null, "n", 7L);
    Map<String, Object> map = r.asMap();

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("z", "last letter");
    expected.put("a", null);
    expected.put("n", 7L);
    assertThat(map).containsExactlyEntriesOf(expected);
    assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(expected).isEqualTo(map);
    assertThat(map.get("n")).isEqualTo(7L);
    assertThat(map.containsKey("a")).isTrue();
    assertThat(map.get("missing")).isNull();
    assertThat(map).hasToString("{z=last letter, a=null, n=7}");
    List<String> seen = new ArrayList<>();
    map.forEach((k, v) -> seen.add(k + "=" + v));
    assertThat(seen).containsExactly("z=last letter", "a=null", "n=7");
  }

  @Test
  void refusesEveryChangeThroughItsMap() {
    Map<String, Object> map = Record.of("id", "1", "age", 30L).asMap();

    assertThatThrownBy(() -> map.put("id", "2")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("id")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.keySet().remove("id")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("2"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> {
      var it = map.values().iterator();
      it.next();
      it.remove();
    }).isInstanceOf(UnsupportedOperationException.class);
    assertThat(map).containsExactly(Map.entry("id", "1"), Map.entry("age", 30L));
  }

  @Test
  void keepsARecordGivenAsAValueAsItsMapWithoutCopyingIt() {
    Record meta = Record.of("grade", "Senior", "years", 4);
    Record r = Record.of("id", "1").with("metadata", meta);
    Record again = r.with("id", "2");

    assertThat(r.getMap("metadata")).isEqualTo(meta.asMap()).isEqualTo(Map.of("grade", "Senior", "years", 4L));
    assertThat(again.getMap("metadata")).isSameAs(r.getMap("metadata"));
    assertThat(Record.of("metadata", r.getMap("metadata")).getMap("metadata")).isSameAs(r.getMap("metadata"));
  }

  @Test
  void looksUpAManyFieldMapByNameAndSerializesIt() throws Exception {
    Record.Builder b = Record.builder();
    for (int i = 0; i < 1_000; i++) {
      b.put("f" + i, (long) i);
    }
    Map<String, Object> map = b.build().asMap();
    java.util.HashMap<String, Object> copy = new java.util.HashMap<>(map);

    assertThat(map.get("f999")).isEqualTo(999L);
    assertThat(map.containsKey("f1000")).isFalse();
    assertThat(map).isEqualTo(copy);
    assertThat(copy).isEqualTo(map);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(map);
    }
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      Object back = in.readObject();
      assertThat(back).isEqualTo(map);
      assertThat(((Map<?, ?>) back).get("f500")).isEqualTo(500L);
    }
  }

  @Test
  void equalRecordsHoldTheSameFieldsInTheSameOrder() {
    Record a = Record.of("id", "1", "meta", Record.of("k", "v"));
    Record b = Record.of("id", "1", "meta", Map.of("k", "v"));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(Record.of("id", "1", "age", 3L)).isNotEqualTo(Record.of("age", 3L, "id", "1"));
  }

  @Test
  void refusesToClampANumberBeyondALongIntoOne() {
    assertThat(Record.of("x", 9.0e15).getLong("x")).isEqualTo(9_000_000_000_000_000L);
    for (double d : new double[] {1e20, Double.POSITIVE_INFINITY, Double.NaN, 2.5}) {
      assertThatThrownBy(() -> Record.of("x", d).getLong("x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("field 'x' is not a whole number in the range of a long: Double");
    }
  }

  @Test
  void rejectsAnUnsupportedValueNamingTheField() {
    assertThatThrownBy(() -> Record.of("when", new java.util.Date(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("field 'when' has an unsupported value type java.util.Date");
  }
}
