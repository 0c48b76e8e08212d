package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeduplicateTest {

  private static Deduplicate opened(Deduplicate d) {
    d.open(Collected.context(Clock.systemUTC()));
    return d;
  }

  @Test
  void keepsTheFirstOccurrenceAcrossBatchesAndCountsTheOthers() throws Exception {
    Deduplicate dedup = opened(Deduplicate.by("id"));

    Collected batch1 = Collected.run(dedup, Record.of("id", "1", "v", "a"), Record.of("id", "2"), Record.of("id", "1", "v", "b"));
    Collected batch2 = Collected.run(dedup, Record.of("id", "2"), Record.of("id", "3"), Record.of("id", "1", "v", "c"));

    assertThat(batch1.emitted).containsExactly(Record.of("id", "1", "v", "a"), Record.of("id", "2"));
    assertThat(batch1.duplicates).isEqualTo(1);
    assertThat(batch2.emitted).containsExactly(Record.of("id", "3"));
    assertThat(batch2.duplicates).isEqualTo(2);
    assertThat(dedup.distinctKeys()).isEqualTo(3);
  }

  @Test
  void keysOnTheCombinationOfFields() throws Exception {
    Deduplicate dedup = opened(Deduplicate.by("a", "b"));

    Collected out = Collected.run(dedup, Record.of("a", "x", "b", "yz"), Record.of("a", "xy", "b", "z"),
        Record.of("a", "x", "b", "yz"), Record.of("a", "x"), Record.of("a", "x", "b", null));

    assertThat(out.emitted).containsExactly(Record.of("a", "x", "b", "yz"), Record.of("a", "xy", "b", "z"), Record.of("a", "x"));
    assertThat(out.duplicates).isEqualTo(2);
  }

  @Test
  void comparesKeysByTypeAndValue() throws Exception {
    Deduplicate dedup = opened(Deduplicate.by("id"));

    Collected out = Collected.run(dedup, Record.of("id", "42"), Record.of("id", 42L), Record.of("id", 42.0),
        Record.of("id", new BigDecimal("42.00")), Record.of("id", true), Record.of("id", "true"), Record.of("id", "Ünïcode"),
        Record.of("id", "Ünïcode"));

    assertThat(out.emitted).extracting(r -> r.get("id")).containsExactly("42", 42L, true, "true", "Ünïcode");
    assertThat(out.duplicates).isEqualTo(3);
  }

  @Test
  void comparesListAndMapKeysElementByElement() throws Exception {
    Deduplicate dedup = opened(Deduplicate.by("id"));
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1L);
    ab.put("b", "x");
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", "x");
    ba.put("a", 1.0);

    Collected out = Collected.run(dedup, Record.of("id", List.of("a, b")), Record.of("id", List.of("a", "b")),
        Record.of("id", List.of(42L)), Record.of("id", List.of(42.0)), Record.of("id", "[a, b]"),
        Record.of("id", ab), Record.of("id", ba), Record.of("id", Map.of("a", "1, b=x")),
        Record.of("id", LocalDate.of(2023, 1, 15)), Record.of("id", "2023-01-15"), Record.of("id", LocalDate.of(2023, 1, 15)));

    assertThat(out.emitted).extracting(r -> r.get("id")).containsExactly(List.of("a, b"), List.of("a", "b"), List.of(42L),
        "[a, b]", ab, Map.of("a", "1, b=x"), LocalDate.of(2023, 1, 15), "2023-01-15");
    assertThat(out.duplicates).isEqualTo(3);
  }

  @Test
  void givesOnlyTheKeysAddedSinceTheLastCheckpoint() throws Exception {
    Deduplicate dedup = opened(Deduplicate.by("id"));
    assertThat(dedup.checkpointDelta()).isEmpty();

    Collected.run(dedup, Record.of("id", "1"), Record.of("id", "2"), Record.of("id", "1"));
    byte[] first = dedup.checkpointDelta();
    byte[] none = dedup.checkpointDelta();
    Collected.run(dedup, Record.of("id", "3"), Record.of("id", "2"));
    byte[] second = dedup.checkpointDelta();

    assertThat(none).isEmpty();
    Deduplicate fromFirst = opened(Deduplicate.by("id"));
    fromFirst.restore(List.of(first));
    assertThat(fromFirst.distinctKeys()).isEqualTo(2);
    Deduplicate fromSecond = opened(Deduplicate.by("id"));
    fromSecond.restore(List.of(second));
    assertThat(fromSecond.distinctKeys()).isEqualTo(1);
  }

  @Test
  void resumesFromItsDeltasAsIfNeverStopped() throws Exception {
    List<Record> input = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      input.add(Record.of("id", "E" + (i * 7919 % 20_000)));
    }
    Deduplicate uninterrupted = opened(Deduplicate.by("id"));
    List<Record> expected = Collected.run(uninterrupted, input.toArray(Record[]::new)).emitted;

    Deduplicate first = opened(Deduplicate.by("id"));
    List<byte[]> deltas = new ArrayList<>();
    List<Record> got = new ArrayList<>();
    for (int batch = 0; batch < 10; batch++) {
      got.addAll(Collected.run(first, input.subList(batch * 1000, (batch + 1) * 1000).toArray(Record[]::new)).emitted);
      deltas.add(first.checkpointDelta());
    }
    Collected.run(first, input.subList(10_000, 10_500).toArray(Record[]::new)); // processed, never committed
    Deduplicate resumed = opened(Deduplicate.by("id"));
    resumed.restore(deltas);
    got.addAll(Collected.run(resumed, input.subList(10_000, input.size()).toArray(Record[]::new)).emitted);

    assertThat(got).isEqualTo(expected);
    assertThat(resumed.distinctKeys()).isEqualTo(20_000);
  }

  @Test
  void startsEachRunWithNoKeys() throws Exception {
    Deduplicate dedup = opened(Deduplicate.by("id"));
    Collected.run(dedup, Record.of("id", "1"));
    dedup.close();

    opened(dedup);

    assertThat(Collected.run(dedup, Record.of("id", "1")).emitted).hasSize(1);
  }

  @Test
  void isOrderedAndNamedDeduplicate() {
    assertThat(Deduplicate.by("id").ordered()).isTrue();
    assertThat(Deduplicate.by("id").name()).isEqualTo("deduplicate");
  }

  @Test
  void refusesToDeduplicateByNothing() {
    assertThatThrownBy(() -> Deduplicate.by(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deduplication needs at least one key field");
  }

  @Test
  void readsItsKeysFromConfig() {
    Deduplicate d = (Deduplicate) new DeduplicateProvider()
        .create(new PluginConfig("transformations[3]", Map.of("keys", List.of("id", "email")), Path.of("")));

    assertThat(d.keyFields()).containsExactly("id", "email");
    assertThatThrownBy(() -> new DeduplicateProvider()
        .create(new PluginConfig("transformations[3]", Map.of("keys", List.of()), Path.of(""))))
        .hasMessage("transformations[3].keys: needs at least one field");
  }
}
