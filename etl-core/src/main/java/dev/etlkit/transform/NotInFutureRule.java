package dev.etlkit.transform;

import dev.etlkit.api.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** A date no later than today, today being the date of the run's clock in the clock's zone. */
final class NotInFutureRule implements Rule {

  static final String MESSAGE = "must not be in the future";

  /** Today as last computed, with the span of epoch milliseconds it lasts in its zone. */
  private record Today(LocalDate date, ZoneId zone, long fromMillis, long untilMillis) {
  }

  /** Finding today's date in a zone costs more than the rest of the check; it changes once a day. */
  private volatile @Nullable Today today;

  @Override
  public @Nullable Violation check(String field, Object value, Clock clock) {
    if (((LocalDate) value).isAfter(today(clock))) {
      return new Violation(field, "notFuture", Violations.withValue(MESSAGE, value));
    }
    return null;
  }

  private LocalDate today(Clock clock) {
    long now = clock.millis();
    Today t = today;
    if (t == null || now < t.fromMillis || now >= t.untilMillis || !t.zone.equals(clock.getZone())) {
      ZoneId zone = clock.getZone();
      LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone);
      t = new Today(date, zone, date.atStartOfDay(zone).toInstant().toEpochMilli(),
          date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
      today = t;
    }
    return t.date;
  }

  @Override
  public ValueType type() {
    return ValueType.DATE;
  }

  @Override
  public String description() {
    return "not in the future";
  }
}
