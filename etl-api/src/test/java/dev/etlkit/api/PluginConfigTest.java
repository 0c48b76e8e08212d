package dev.etlkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginConfigTest {

  private static PluginConfig config(String name, Object value) {
    return new PluginConfig("sources[0]", Map.of(name, value), Path.of(""));
  }

  @Test
  void readsWholeNumbersAndRefusesOnesBeyondALongInsteadOfClampingThem() {
    assertThat(config("n", 42L).longValue("n", 0)).isEqualTo(42L);
    assertThat(config("n", " 7 ").longValue("n", 0)).isEqualTo(7L);
    assertThat(config("n", 3.0d).longValue("n", 0)).isEqualTo(3L);

    assertThatThrownBy(() -> config("n", new BigInteger("18446744073709551617")).longValue("n", 0))
        .isInstanceOf(ConfigException.class).hasMessage("sources[0].n: is out of range: 18446744073709551617");
    assertThatThrownBy(() -> config("n", 1e19).longValue("n", 0))
        .isInstanceOf(ConfigException.class).hasMessage("sources[0].n: is out of range: 1.0E19");
    assertThatThrownBy(() -> config("n", "99999999999999999999").intValue("n", 0))
        .isInstanceOf(ConfigException.class).hasMessage("sources[0].n: is out of range: \"99999999999999999999\"");
    assertThatThrownBy(() -> config("n", 2.5d).longValue("n", 0))
        .isInstanceOf(ConfigException.class).hasMessage("sources[0].n: must be a whole number, was 2.5");
    assertThatThrownBy(() -> config("n", "ten").longValue("n", 0))
        .isInstanceOf(ConfigException.class).hasMessage("sources[0].n: must be a whole number, was \"ten\"");
  }

  @Test
  void readsEveryDurationTheOptionCheckAccepts() {
    Map<Object, Duration> durations = Map.of(
        "1.5m", Duration.ofSeconds(90), "1.5ms", Duration.ofMillis(2), "1.5s", Duration.ofMillis(1500),
        "250", Duration.ofMillis(250), " 30 s ", Duration.ofSeconds(30), "2M", Duration.ofMinutes(2),
        1000L, Duration.ofSeconds(1));
    durations.forEach((text, expected) -> {
      assertThat(OptionSpec.Type.DURATION.accepts(text)).as("%s accepted", text).isTrue();
      assertThat(config("pause", text).duration("pause", Duration.ZERO)).as("%s", text).isEqualTo(expected);
    });
  }

  @Test
  void refusesInTheCheckWhatItCouldNotRead() {
    for (Object bad : List.of("soon", "5h", "-1s", "1.s", -5L, true, List.of())) {
      assertThat(OptionSpec.Type.DURATION.accepts(bad)).as("%s accepted", bad).isFalse();
    }
    assertThatThrownBy(() -> config("pause", "5h").duration("pause", Duration.ZERO))
        .isInstanceOf(ConfigException.class)
        .hasMessage("sources[0].pause: must be a duration such as 500ms, 30s or 2m, was \"5h\"");
  }
}
