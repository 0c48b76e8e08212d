package dev.etlkit.internal;

import dev.etlkit.RejectedRecord;
import dev.etlkit.api.Record;
import dev.etlkit.api.Retry;
import dev.etlkit.api.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sinks of a run, under unique names: the data sinks, then the dead letter if there is one. Writes
 * a batch to each data sink in order (with retries), turns what they reject into rejections, and sends
 * every rejection of the batch, in input order, to the dead letter.
 */
final class SinkSet {

  private static final Logger LOG = LoggerFactory.getLogger(SinkSet.class);

  private final List<Sink<Object>> sinks = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final int dataSinks;
  private final String runId;
  private final Retry retry;
  private final long[] writeNanos;
  /** Per sink: whether it is a {@code Sink<Record>}, to be handed the beans a pipeline carries as records. */
  private final boolean[] takesRecords;

  /** What one batch did: its rejections in input order, and how many items each sink took. */
  record Written(List<RejectedRecord> rejected, int rejectedBySinks, long[] writtenBy) {
  }

  @SuppressWarnings("unchecked")
  SinkSet(List<Sink<Object>> data, @Nullable Sink<Record> deadLetter, String runId, Retry retry) {
    sinks.addAll(data);
    if (deadLetter != null) {
      sinks.add((Sink<Object>) (Sink<?>) deadLetter);
    }
    for (Sink<Object> s : sinks) {
      String name = s.name();
      String unique = name;
      for (int n = 2; names.contains(unique); n++) {
        unique = name + "#" + n;
      }
      names.add(unique);
    }
    this.dataSinks = data.size();
    this.runId = runId;
    this.retry = retry;
    this.writeNanos = new long[sinks.size()];
    this.takesRecords = new boolean[sinks.size()];
    for (int i = 0; i < sinks.size(); i++) {
      takesRecords[i] = BeanRecords.takesRecords(sinks.get(i));
    }
  }

  List<Sink<Object>> all() {
    return sinks;
  }

  /** The sinks' unique names, in order ("out.csv", "out.csv#2", ...). */
  List<String> names() {
    return names;
  }

  /**
   * Writes the batch's outputs, then its rejections (those of {@code earlier} and the sinks') to the dead
   * letter. Each data sink gets only the items that every sink before it took, so that an item one sink
   * rejects (a row breaking a database constraint) is in no later output either.
   */
  Written write(List<Entry> outputs, List<Rejection> earlier) throws Exception {
    List<Rejection> rejections = new ArrayList<>(earlier);
    int rejectedBySinks = 0;
    long[] writtenBy = new long[sinks.size()];
    List<Entry> offered = outputs;
    for (int i = 0; i < dataSinks; i++) {
      ChunkView chunk = write(i, offered);
      String step = "sink '" + names.get(i) + "'";
      for (Map.Entry<Integer, ChunkView.SinkRejection> r : chunk.rejections.entrySet()) {
        Entry e = offered.get(r.getKey());
        rejections.add(new Rejection(e.seq(), new RejectedRecord(e.origin(), step, r.getValue().message(),
            r.getValue().violations(), e.raw())));
      }
      rejectedBySinks += chunk.rejections.size();
      writtenBy[i] = offered.size() - chunk.rejections.size();
      if (!chunk.rejections.isEmpty()) {
        List<Entry> taken = new ArrayList<>(offered.size() - chunk.rejections.size());
        for (int k = 0; k < offered.size(); k++) {
          if (!chunk.rejections.containsKey(k)) {
            taken.add(offered.get(k));
          }
        }
        offered = taken;
      }
    }
    List<RejectedRecord> rejected = Rejection.inInputOrder(rejections);
    if (dataSinks < sinks.size() && !rejected.isEmpty()) {
      List<Entry> letters = new ArrayList<>(rejected.size());
      for (RejectedRecord r : rejected) {
        letters.add(new Entry(r.toDeadLetter(runId), r.origin(), null, 0));
      }
      ChunkView chunk = write(dataSinks, letters);
      writtenBy[dataSinks] = letters.size() - chunk.rejections.size();
    }
    return new Written(rejected, rejectedBySinks, writtenBy);
  }

  private ChunkView write(int sinkIndex, List<Entry> entries) throws Exception {
    Sink<Object> sink = sinks.get(sinkIndex);
    ChunkView chunk = new ChunkView(takesRecords[sinkIndex] ? asRecords(entries) : entries);
    if (entries.isEmpty()) {
      return chunk;
    }
    long t0 = System.nanoTime();
    retry.call("write to sink '" + names.get(sinkIndex) + "'", () -> {
      chunk.reset();
      sink.write(chunk);
      return null;
    }, (what, attempt, fault, delay) -> LOG.warn("{} failed (attempt {}), retrying in {} ms: {}", what, attempt,
        delay.toMillis(), fault.getMessage()));
    writeNanos[sinkIndex] += System.nanoTime() - t0;
    return chunk;
  }

  /** The entries with their beans made records; the same list when they hold only records. */
  private static List<Entry> asRecords(List<Entry> entries) {
    List<Entry> out = null;
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (out == null && e.value() instanceof Record) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(entries.subList(0, i));
      }
      out.add(e.value() instanceof Record ? e : e.derive(BeanRecords.toRecord(e.value())));
    }
    return out == null ? entries : out;
  }

  /** The time spent writing, per sink: {@code write:<name>}. */
  void addTimings(Map<String, Duration> timings) {
    for (int i = 0; i < sinks.size(); i++) {
      timings.put("write:" + names.get(i), Duration.ofNanos(writeNanos[i]));
    }
  }
}
