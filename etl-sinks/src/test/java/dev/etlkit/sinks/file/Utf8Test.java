package dev.etlkit.sinks.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

  /** What the encoders do with these helpers: pairs as code points, every other char alone. */
  private static byte[] encode(String s) {
    byte[] buf = new byte[4 * s.length()];
    int at = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        at = Utf8.putCodePoint(buf, at, Character.toCodePoint(c, s.charAt(++i)));
      } else {
        at = Utf8.put(buf, at, c);
      }
    }
    return Arrays.copyOf(buf, at);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "Zoë", "€ 5", "\u07ff\u0800\uffff", "smile \uD83D\uDE00!", "lone \uD800 high",
      "lone \uDC00 low", "\uDE00\uD83D reversed", "ends high \uD83D"})
  void encodesAsTheJdkDoes(String s) {
    assertThat(encode(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
  }
}
