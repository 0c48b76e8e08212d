package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NotInFutureRuleTest {

  private final NotInFutureRule rule = new NotInFutureRule();
  private final LocalDate june17 = LocalDate.of(2025, 6, 17);

  @Test
  void todayFollowsTheClockAcrossMidnightAndZones() {
    Clock lateOn16th = Clock.fixed(Instant.parse("2025-06-16T23:59:59.999Z"), ZoneOffset.UTC);
    Clock startOf17th = Clock.fixed(Instant.parse("2025-06-17T00:00:00Z"), ZoneOffset.UTC);

    assertThat(rule.check("d", june17, lateOn16th)).isNotNull();
    assertThat(rule.check("d", june17, startOf17th)).isNull();
    // back in time, and the same instant in a zone where it is already the 17th
    assertThat(rule.check("d", june17, lateOn16th)).isNotNull();
    assertThat(rule.check("d", june17, lateOn16th.withZone(ZoneId.of("Europe/Paris")))).isNull();
  }
}
