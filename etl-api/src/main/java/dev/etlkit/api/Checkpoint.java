package dev.etlkit.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The state of a run after its last committed batch: enough to resume it exactly there.
 *
 * @param runId the run's id
 * @param pipeline the pipeline's name
 * @param fingerprint a hash of the pipeline's definition; resuming with a different one is refused
 * @param status where the run stands
 * @param sourceIndex the index of the source being read when the batch was committed
 * @param position the position of the last committed item of that source, null before the first
 * @param sinkStates each sink's {@link Sink#state()}, in sink order; null for a sink that could not tell
 *     its state yet (before its first write)
 * @param logLengths for each incremental log of the run (transformer states, errors), how many
 *     entries are committed; entries past that count were written by a batch that never committed
 * @param counts the run's counters so far (read, rejected, duplicates, written, ...)
 * @param details other JSON-friendly data the engine keeps (data-quality counters)
 * @param startedAt when the run first started
 * @param updatedAt when this checkpoint was saved
 * @param failure the failure message of a FAILED run, or null
 */
public record Checkpoint(
    String runId,
    String pipeline,
    String fingerprint,
    RunStatus status,
    int sourceIndex,
    @Nullable Position position,
    List<Map<String, Object>> sinkStates,
    Map<String, Integer> logLengths,
    Map<String, Long> counts,
    Map<String, Object> details,
    Instant startedAt,
    Instant updatedAt,
    @Nullable String failure) {

  public Checkpoint {
    // not List.copyOf: a sink that could not tell its state yet has a null entry
    sinkStates = Collections.unmodifiableList(new ArrayList<>(sinkStates));
    // copies that keep their order: per-sink counts come back in the sinks' order
    logLengths = ordered(logLengths);
    counts = ordered(counts);
    details = ordered(details);
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
  }
}
