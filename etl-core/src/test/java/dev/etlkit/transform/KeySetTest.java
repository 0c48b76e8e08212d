package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySetTest {

  private static boolean add(KeySet set, String key) {
    byte[] b = key.getBytes(StandardCharsets.UTF_8);
    return set.add(b, b.length);
  }

  @Test
  void agreesWithAHashSetOnManyRandomKeys() {
    Random random = new Random(42);
    KeySet keys = new KeySet();
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 300_000; i++) {
      String key = Long.toString(random.nextInt(200_000), 36) + (random.nextInt(10) == 0 ? "-x" : "");
      assertThat(add(keys, key)).as(key).isEqualTo(expected.add(key));
    }
    assertThat(keys.size()).isEqualTo(expected.size());
  }

  @Test
  void keepsKeysOfAnyLengthIncludingEmptyAndLargerThanAPage() {
    KeySet keys = new KeySet();
    String big = "x".repeat(300_000);

    assertThat(add(keys, "")).isTrue();
    assertThat(add(keys, big)).isTrue();
    assertThat(add(keys, "after")).isTrue();
    assertThat(add(keys, "")).isFalse();
    assertThat(add(keys, big)).isFalse();
    assertThat(add(keys, big + "y")).isTrue();

    KeySet restored = new KeySet();
    restored.addAll(keys.takeDelta());
    assertThat(restored.size()).isEqualTo(4);
    assertThat(add(restored, big)).isFalse();
  }

  @Test
  void tellsApartTwoKeysWithTheSameSlotAndFingerprint() {
    // find two keys with the same 28 stored bits, which also give them the same slot (the top bits)
    Map<Long, String> seen = new HashMap<>();
    String first = null;
    String second = null;
    for (int i = 0; first == null; i++) {
      String key = "c" + i;
      byte[] b = key.getBytes(StandardCharsets.UTF_8);
      long h = KeySet.hash(b, 0, b.length);
      String earlier = seen.putIfAbsent(h >>> 36, key);
      if (earlier != null) {
        first = earlier;
        second = key;
      }
    }
    KeySet keys = new KeySet();

    assertThat(add(keys, first)).isTrue();
    assertThat(add(keys, second)).isTrue();
    assertThat(add(keys, first)).isFalse();
    assertThat(add(keys, second)).isFalse();
    assertThat(keys.size()).isEqualTo(2);
  }

  @Test
  void findsEveryKeyAgainAfterTheTableHasGrownManyTimes() {
    KeySet keys = new KeySet();
    int n = 1_500_000;
    for (int i = 0; i < n; i++) {
      assertThat(add(keys, "k" + i)).isTrue();
    }
    for (int i = 0; i < n; i++) {
      if (add(keys, "k" + i)) {
        throw new AssertionError("k" + i + " was lost when the table grew");
      }
    }
    assertThat(keys.size()).isEqualTo(n);
  }

  @Test
  void refusesACorruptDelta() {
    assertThatThrownBy(() -> new KeySet().addAll(new byte[] {5, 'a', 'b'}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deduplication state is corrupt at byte 1");
  }
}
