package dev.etlkit.examples.employee;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.TransformContext;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Runs employee steps directly and tells what became of a record. */
final class Outcomes {

  /** 03:00 UTC on June 16, which is still June 15 in Chicago. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-16T03:00:00Z"), ZoneId.of("America/Chicago"));

  /** "Today" under {@link #CLOCK}: the date in the clock's zone, not in UTC. */
  static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

  private Outcomes() {
  }

  static TransformContext context() {
    return new TransformContext() {
      @Override
      public String runId() {
        return "test-run";
      }

      @Override
      public Clock clock() {
        return CLOCK;
      }
    };
  }

  static <T extends Transformer<Record, Record>> T opened(T t) throws Exception {
    t.open(context());
    return t;
  }

  /** What {@code t} emitted for {@code r}; empty when it dropped it as a duplicate. */
  static List<Record> emitted(Transformer<Record, Record> t, Record r) throws Exception {
    List<Record> out = new ArrayList<>();
    t.transform(r, new Emitter<>() {
      @Override
      public void emit(Record item) {
        out.add(item);
      }

      @Override
      public void duplicate() {
      }
    });
    return out;
  }

  /** The violations {@code t} rejects {@code r} with; empty when it passes. */
  static List<Violation> violations(Transformer<Record, Record> t, Record r) throws Exception {
    try {
      emitted(t, r);
      return List.of();
    } catch (RecordException e) {
      return e.violations();
    }
  }
}
