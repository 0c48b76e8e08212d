package dev.etlkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryTest {

  @Test
  void waitsWhatAServersRetryAfterSaysBeyondItsOwnLongestBackoff() {
    Retry retry = Retry.exponential(3, Duration.ofMillis(200)); // its own backoff stops at 30 s

    assertThat(retry.delayBefore(1, Duration.ofSeconds(40))).isEqualTo(Duration.ofSeconds(40));
    assertThat(retry.delayBefore(1, Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(15));
    assertThat(retry.withMaxDelay(Duration.ofMinutes(30)).delayBefore(1, Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void backsOffExponentiallyWithJitterUpToItsLongestDelay() {
    Retry retry = Retry.exponential(10, Duration.ofSeconds(1));

    assertThat(retry.delayBefore(1, null)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(retry.delayBefore(3, null)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(retry.delayBefore(10, null)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
  }
}
