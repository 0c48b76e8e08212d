package dev.etlkit;

import dev.etlkit.api.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a run did. A run never throws for a bad record or a failing plugin: it ends with a status, its
 * counts and its errors here. Counts cover the whole run, including the part before a resume, and add
 * up: {@code read + added = rejected + duplicates + filtered + written}, where {@code added} is 0 unless a
 * transformer emits several items for one.
 *
 * @param runId the run's id, to resume it
 * @param pipeline the pipeline's name
 * @param status SUCCEEDED or FAILED
 * @param read items read from the sources, malformed ones included
 * @param rejected items rejected by a source, transformer or sink
 * @param duplicates items dropped as duplicates
 * @param filtered items a transformer dropped without calling them duplicates
 * @param added items a transformer emitted beyond the first for one item (a split into several)
 * @param written items every sink accepted
 * @param writtenPerSink items accepted per sink name
 * @param errors the rejected items, at most {@link ErrorPolicy#keepErrors(int)} of them
 * @param failure why the run failed, one line; null when it succeeded
 * @param failureCause the exception behind {@code failure}, if any
 * @param startedAt when the run first started
 * @param duration time spent in this attempt and earlier ones
 * @param stageTimings time spent reading, transforming, writing (per sink) and checkpointing
 * @param quality the data-quality counts
 * @param resumed whether this attempt resumed an earlier one
 */
public record PipelineResult(
    String runId,
    String pipeline,
    RunStatus status,
    long read,
    long rejected,
    long duplicates,
    long filtered,
    long added,
    long written,
    Map<String, Long> writtenPerSink,
    List<RejectedRecord> errors,
    @Nullable String failure,
    @Nullable Throwable failureCause,
    Instant startedAt,
    Duration duration,
    Map<String, Duration> stageTimings,
    QualityReport quality,
    boolean resumed) {

  public PipelineResult {
    writtenPerSink = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(writtenPerSink));
    errors = List.copyOf(errors);
    stageTimings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageTimings));
  }

  /** Whether the run succeeded. */
  public boolean succeeded() {
    return status == RunStatus.SUCCEEDED;
  }
}
