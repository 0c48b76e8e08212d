package dev.etlkit.transform;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.TransformContext;
import dev.etlkit.api.Transformer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A recording emitter: what a transformer emitted, and how many inputs it called duplicates. */
final class Collected implements Emitter<Record> {

  final List<Record> emitted = new ArrayList<>();
  int duplicates;

  @Override
  public void emit(Record item) {
    emitted.add(item);
  }

  @Override
  public void duplicate() {
    duplicates++;
  }

  /** Runs each record through {@code t} and collects the results. */
  static Collected run(Transformer<Record, Record> t, Record... records) throws Exception {
    Collected out = new Collected();
    for (Record r : records) {
      t.transform(r, out);
    }
    return out;
  }

  /** The one record {@code t} emits for {@code r}. */
  static Record one(Transformer<Record, Record> t, Record r) throws Exception {
    List<Record> out = run(t, r).emitted;
    if (out.size() != 1) {
      throw new AssertionError("expected one record, got " + out);
    }
    return out.get(0);
  }

  static TransformContext context(Clock clock) {
    return new TransformContext() {
      @Override
      public String runId() {
        return "test-run";
      }

      @Override
      public Clock clock() {
        return clock;
      }
    };
  }
}
