package dev.etlkit.internal;

import dev.etlkit.RejectedRecord;
import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.Position;
import dev.etlkit.api.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The committed state of a run: counts, kept errors, quality counters and where each source and sink
 * stands. Changed only on the writer thread, after a batch is committed; restored from a checkpoint on
 * resume.
 */
final class RunState {

  static final String ERRORS_LOG = "errors";

  long read;
  long rejected;
  long duplicates;
  long filtered;
  long added;
  long written;
  long batches;
  long elapsedBeforeMillis;
  final Map<String, Long> writtenPerSink = new LinkedHashMap<>();
  final List<RejectedRecord> errors = new ArrayList<>();
  QualityCounter quality = new QualityCounter();
  int sourceIndex;
  @Nullable Position position;
  List<Map<String, Object>> sinkStates = List.of();
  final Map<String, Integer> logLengths = new LinkedHashMap<>();
  Instant startedAt;
  /** 1 for a fresh run, one more for each resume. */
  long attempt = 1;
  /**
   * How many sinks (in order) have completed (published their output) at the end of the run. Above 0,
   * every batch is committed and a resume only completes the rest.
   */
  long completedSinks;

  RunState(Instant startedAt) {
    this.startedAt = startedAt;
  }

  static RunState restore(Checkpoint cp, CheckpointStore store, int keepErrors) {
    RunState s = new RunState(cp.startedAt());
    Map<String, Long> c = cp.counts();
    s.read = c.getOrDefault("read", 0L);
    s.rejected = c.getOrDefault("rejected", 0L);
    s.duplicates = c.getOrDefault("duplicates", 0L);
    s.filtered = c.getOrDefault("filtered", 0L);
    s.added = c.getOrDefault("added", 0L);
    s.written = c.getOrDefault("written", 0L);
    s.batches = c.getOrDefault("batches", 0L);
    s.elapsedBeforeMillis = c.getOrDefault("elapsedMillis", 0L);
    c.forEach((k, v) -> {
      if (k.startsWith("written:")) {
        s.writtenPerSink.put(k.substring("written:".length()), v);
      }
    });
    @SuppressWarnings("unchecked")
    Map<String, Object> quality = (Map<String, Object>) cp.details().getOrDefault("quality", Map.of());
    s.quality = QualityCounter.fromState(quality);
    s.sourceIndex = cp.sourceIndex();
    s.position = cp.position();
    s.sinkStates = cp.sinkStates();
    s.logLengths.putAll(cp.logLengths());
    s.attempt = c.getOrDefault("attempts", 0L) + 1;
    s.completedSinks = c.getOrDefault("completedSinks", 0L);
    for (byte[] entry : s.readLogs(store, cp.runId(), ERRORS_LOG)) {
      s.keep(RejectionJson.read(entry), keepErrors);
    }
    return s;
  }

  /**
   * The log this attempt appends to. Each attempt of a run has its own logs, so entries a killed attempt
   * appended for a batch it never checkpointed are simply never read, instead of sitting between the
   * committed entries and those of the resumed attempt.
   */
  String log(String base) {
    return base + "-" + attempt;
  }

  /** The committed entries of every attempt's log of this kind, oldest attempt first. */
  List<byte[]> readLogs(CheckpointStore store, String runId, String base) {
    String prefix = base + "-";
    List<String> names = new ArrayList<>();
    logLengths.keySet().forEach(name -> {
      if (name.startsWith(prefix) && name.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
        names.add(name);
      }
    });
    names.sort(java.util.Comparator.comparingLong(name -> Long.parseLong(name.substring(prefix.length()))));
    List<byte[]> entries = new ArrayList<>();
    for (String name : names) {
      entries.addAll(store.readLog(runId, name, logLengths.get(name)));
    }
    return entries;
  }

  /** Keeps rejections until {@code keepErrors} are kept; returns those it kept now. */
  List<RejectedRecord> keep(List<RejectedRecord> more, int keepErrors) {
    int room = Math.max(0, keepErrors - errors.size());
    List<RejectedRecord> kept = more.size() <= room ? more : more.subList(0, room);
    errors.addAll(kept);
    return kept;
  }

  Checkpoint toCheckpoint(String runId, String pipeline, String fingerprint, RunStatus status, long elapsedMillis,
      Instant now, @Nullable String failure) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("read", read);
    counts.put("rejected", rejected);
    counts.put("duplicates", duplicates);
    counts.put("filtered", filtered);
    counts.put("added", added);
    counts.put("written", written);
    counts.put("batches", batches);
    counts.put("elapsedMillis", elapsedBeforeMillis + elapsedMillis);
    counts.put("attempts", attempt);
    if (completedSinks > 0) {
      counts.put("completedSinks", completedSinks);
    }
    writtenPerSink.forEach((k, v) -> counts.put("written:" + k, v));
    return new Checkpoint(runId, pipeline, fingerprint, status, sourceIndex, position, sinkStates, logLengths,
        counts, Map.of("quality", quality.toState()), startedAt, now, failure);
  }
}
