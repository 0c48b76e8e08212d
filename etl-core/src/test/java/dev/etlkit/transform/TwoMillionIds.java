package dev.etlkit.transform;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import java.time.Clock;

/**
 * Deduplicates 2,000,000 distinct ids and then 100,000 repeats, taking a checkpoint delta every 1,000
 * records as the engine does; run by {@link DeduplicateMemoryTest} in a JVM with a 128 MB heap.
 */
public final class TwoMillionIds {

  private TwoMillionIds() {
  }

  public static void main(String[] args) throws Exception {
    int distinct = Integer.parseInt(args[0]);
    Deduplicate dedup = Deduplicate.by("id");
    dedup.open(Collected.context(Clock.systemUTC()));
    long[] counts = new long[2];
    Emitter<Record> out = new Emitter<>() {
      @Override
      public void emit(Record item) {
        counts[0]++;
      }

      @Override
      public void duplicate() {
        counts[1]++;
      }
    };
    long deltaBytes = 0;
    for (int i = 1; i <= distinct + 100_000; i++) {
      int id = i <= distinct ? i : i - distinct;
      dedup.transform(Record.of("id", Integer.toString(id), "name", "Employee " + id), out);
      if (i % 1000 == 0) {
        deltaBytes += dedup.checkpointDelta().length;
      }
    }
    Runtime rt = Runtime.getRuntime();
    System.out.println("distinct=" + dedup.distinctKeys() + " emitted=" + counts[0] + " duplicates=" + counts[1] + " deltaBytes=" + deltaBytes
        + " usedMB=" + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " maxMB=" + rt.maxMemory() / (1 << 20));
  }
}
