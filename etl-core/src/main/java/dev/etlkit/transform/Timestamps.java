package dev.etlkit.transform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.text.ParsePosition;
import org.jspecify.annotations.Nullable;

/** Reads ISO-8601 instants, date-times with or without offset, and dates. */
final class Timestamps {

  private Timestamps() {
  }

  static @Nullable Instant parse(String text, ZoneId zoneForLocal) {
    TemporalAccessor t = parse(DateTimeFormatter.ISO_DATE_TIME, text);
    if (t != null) {
      try {
        if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
          return Instant.from(t);
        }
        return LocalDateTime.from(t).atZone(zoneForLocal).toInstant();
      } catch (DateTimeException e) {
        return null;
      }
    }
    LocalDate d = DateFormats.parse(DateTimeFormatter.ISO_LOCAL_DATE, text);
    return d == null ? null : d.atStartOfDay(zoneForLocal).toInstant();
  }

  private static @Nullable TemporalAccessor parse(DateTimeFormatter f, String text) {
    ParsePosition pos = new ParsePosition(0);
    if (f.parseUnresolved(text, pos) == null || pos.getIndex() != text.length()) {
      return null;
    }
    try {
      return f.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
