package dev.etlkit.examples.employee;

import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The profile's enrichment, see {@link EmployeeRules#enrich(Record, Clock)}. A value that is not of the
 * type a computation needs (with validation off) leaves that entry out rather than guessing; a
 * {@code metadata} that is not an object rejects the record, since enriching would replace it.
 */
final class EmployeeEnrichment {

  private static final BigDecimal MID = BigDecimal.valueOf(50_000);
  private static final BigDecimal SENIOR = BigDecimal.valueOf(80_000);
  private static final BigDecimal PRINCIPAL = BigDecimal.valueOf(120_000);
  private static final List<String> ENGINEERING_SKILLS = List.of("JavaScript", "TypeScript", "Node.js");

  /**
   * The last millisecond's processedAt text and date: thousands of records share one millisecond, and
   * formatting an instant or finding the date in a zone is not cheap.
   */
  private static volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, ZoneOffset.UTC, "", LocalDate.EPOCH);

  private EmployeeEnrichment() {
  }

  private static String describe(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : value instanceof List<?> ? "a list" : value.toString();
  }

  static Record enrich(Record record, Clock clock) {
    Stamp now = stamp(clock);
    // Built as a record, which the enriched record keeps as its metadata map without copying it.
    Record.Builder metadata = Record.builder(12);
    Object had = record.get("metadata");
    if (had != null && !(had instanceof Map<?, ?>)) {
      // (validation off) enriching would replace it, and what the record had would be lost
      String message = "must be an object to be enriched, was " + describe(had);
      throw new RecordException("metadata: " + message, List.of(new Violation("metadata", "type", message)));
    }
    if (had instanceof Map<?, ?> existing) {
      existing.forEach((k, v) -> metadata.put(String.valueOf(k), v));
    }
    if (record.get("joinDate") instanceof LocalDate joined) {
      metadata.put("experienceYears", Math.floorDiv(ChronoUnit.DAYS.between(joined, now.today), 365));
    }
    BigDecimal salary = decimal(record.get("salary"));
    if (salary != null) {
      metadata.put("salaryGrade", grade(salary));
    }
    metadata.put("processedAt", now.text);
    metadata.put("enrichmentVersion", "1.0");
    if ("Engineering".equals(record.get("department"))) {
      metadata.put("techLevel", "Senior");
      metadata.put("skills", ENGINEERING_SKILLS);
    }
    return record.with("metadata", metadata.build());
  }

  private static Stamp stamp(Clock clock) {
    long millis = clock.millis();
    ZoneId zone = clock.getZone();
    Stamp s = lastStamp;
    if (s.millis != millis || !s.zone.equals(zone)) {
      Instant instant = Instant.ofEpochMilli(millis);
      s = new Stamp(millis, zone, instant.toString(), LocalDate.ofInstant(instant, zone));
      lastStamp = s;
    }
    return s;
  }

  /** A millisecond in a zone: its ISO-8601 text and its date there. */
  private record Stamp(long millis, ZoneId zone, String text, LocalDate today) {
  }

  static String grade(BigDecimal salary) {
    if (salary.compareTo(MID) < 0) {
      return "Junior";
    }
    if (salary.compareTo(SENIOR) < 0) {
      return "Mid";
    }
    return salary.compareTo(PRINCIPAL) < 0 ? "Senior" : "Principal";
  }

  private static @Nullable BigDecimal decimal(@Nullable Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    return value instanceof Double d && Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
  }
}
