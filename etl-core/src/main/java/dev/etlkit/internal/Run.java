package dev.etlkit.internal;

import dev.etlkit.PipelineResult;
import dev.etlkit.Progress;
import dev.etlkit.RejectedRecord;
import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.RunStatus;
import dev.etlkit.api.Sink;
import dev.etlkit.api.StatefulTransformer;
import dev.etlkit.api.Transformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of a run: opens the plugins, starts the reader and workers, and on the calling thread
 * commits batch after batch (ordered transformers, sinks, dead letter, checkpoint, listeners) until the
 * input ends or something fatal happens. Never throws: the outcome is the {@link PipelineResult}.
 */
public final class Run {

  private static final Logger LOG = LoggerFactory.getLogger(Run.class);
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

  private final Definition def;
  private final String runId;
  private final @Nullable Checkpoint resumeFrom;
  private final String fingerprint;
  private final Listeners listeners;
  private final RunState state;
  private final TransformChain parallelChain;
  private final TransformChain serialChain;
  private final SinkSet sinks;
  private final Map<String, Duration> timings = new LinkedHashMap<>();
  private final AtomicLong readNanos = new AtomicLong();
  private long transformNanos;
  private long checkpointNanos;
  private long readThisAttempt;
  private @Nullable Checkpointer checkpointer;
  private long startNanos;

  /** A fresh run ({@code resumeFrom == null}) or the continuation of a checkpointed one. */
  public Run(Definition def, String runId, @Nullable Checkpoint resumeFrom) {
    this.def = def;
    this.runId = runId;
    this.resumeFrom = resumeFrom;
    this.fingerprint = def.fingerprint();
    this.listeners = new Listeners(def.listeners());
    this.state = resumeFrom == null
        ? new RunState(def.clock().instant())
        : RunState.restore(resumeFrom, def.checkpoints(), def.errorPolicy().keepErrors());
    int firstOrdered = 0;
    while (firstOrdered < def.transformers().size() && !def.transformers().get(firstOrdered).ordered()) {
      firstOrdered++;
    }
    this.parallelChain = new TransformChain(def.transformers().subList(0, firstOrdered), def.retry());
    this.serialChain = new TransformChain(def.transformers().subList(firstOrdered, def.transformers().size()), def.retry());
    this.sinks = new SinkSet(def.sinks(), def.errorPolicy().deadLetter(), runId, def.retry());
  }

  /** Runs the attempt to its end. */
  public PipelineResult execute() {
    startNanos = System.nanoTime();
    RunStatus status = RunStatus.FAILED;
    Throwable failure = null;
    List<AutoCloseable> opened = new ArrayList<>();
    ExecutorService workers = null;
    Thread readerThread = null;
    Reader reader = null;
    try {
      Checkpoint saved = resumeFrom;
      if (saved == null) {
        // before opening anything (a database sink may take seconds to connect): a run whose id has been
        // handed out can be resumed from the moment it starts, even if the process is killed while opening
        saved = checkpoint(RunStatus.RUNNING, null);
        save(saved);
      }
      listeners.runStarted(runId, def.name(), resumeFrom != null);
      LOG.info("run {} of pipeline '{}' {}", runId, def.name(), resumeFrom == null ? "started" : "resumed at " + describeResume());
      Contexts contexts = new Contexts(runId, def.retry(), def.clock(), !(def.checkpoints() instanceof NoCheckpoints));
      for (int i = 0; i < def.transformers().size(); i++) {
        Transformer<Object, Object> t = def.transformers().get(i);
        t.open(contexts.transform());
        opened.add(t::close);
        if (t instanceof StatefulTransformer<Object, Object> st) {
          st.restore(state.readLogs(def.checkpoints(), runId, stateLog(i)));
        }
      }
      // Sinks that completed before a failure have published their output and are not opened again;
      // every batch was committed before the first of them completed, so nothing is left to read.
      int completed = (int) state.completedSinks;
      for (int i = completed; i < sinks.all().size(); i++) {
        Sink<Object> sink = sinks.all().get(i);
        Map<String, Object> restored = resumeFrom != null && i < state.sinkStates.size() ? state.sinkStates.get(i) : null;
        // closed whatever happens, a failed open included: it may hold a file it opened before failing
        opened.add(sink);
        sink.open(contexts.sink(restored));
      }
      if (completed == 0 && state.sinkStates.size() < sinks.all().size()) {
        // The first checkpoint was saved before the sinks opened, without their states. An appending
        // sink's starting length must be saved before its first write, or a resume after a crash in
        // the first batch would append that batch again.
        state.sinkStates = openingStates();
        saved = checkpoint(RunStatus.RUNNING, null);
        save(saved);
      }
      if (completed == 0) {
        checkpointer = new Checkpointer(runId, def.checkpoints(), def.retry(), saved, def.checkpointInterval());
        int threads = def.workers();
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, r -> {
          Thread t = new Thread(r, "etl-worker-" + runId + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
        BlockingQueue<CompletableFuture<Transformed>> queue = new ArrayBlockingQueue<>(def.queueDepth());
        reader = new Reader(runId, def.sources(), state.sourceIndex, state.position, def.batchSize(), def.retry(), queue,
            workers, parallelChain, readNanos);
        readerThread = new Thread(reader, "etl-reader-" + runId);
        readerThread.setDaemon(true);
        readerThread.start();
        commitAll(queue);
        checkpointer.drain();
      }
      for (int i = completed; i < sinks.all().size(); i++) {
        sinks.all().get(i).complete();
        state.completedSinks = i + 1;
        if (i + 1 < sinks.all().size()) {
          // should a later sink fail to complete, the resume must not reopen this one: its work file is gone
          save(checkpoint(RunStatus.RUNNING, null));
        }
      }
      status = RunStatus.SUCCEEDED;
    } catch (Throwable t) {
      failure = unwrap(t);
      if (failure instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    } finally {
      if (reader != null) {
        reader.cancel();
        readerThread.interrupt();
      }
      if (workers != null) {
        workers.shutdownNow();
      }
      if (checkpointer != null) {
        drainQuietly(checkpointer);
      }
      for (int i = opened.size() - 1; i >= 0; i--) {
        try {
          opened.get(i).close();
        } catch (Exception e) {
          LOG.warn("closing {} failed: {}", opened.get(i), e.getMessage());
        }
      }
    }
    String failureMessage = failure == null ? null : describe(failure);
    try {
      save(finalCheckpoint(status, failureMessage));
    } catch (RuntimeException e) {
      LOG.error("run {}: could not save the final checkpoint: {}", runId, e.getMessage());
      if (failure == null) {
        status = RunStatus.FAILED;
        failure = e;
        failureMessage = "could not save the final checkpoint: " + e.getMessage();
      }
    }
    PipelineResult result = result(status, failureMessage, failure);
    if (failure == null) {
      LOG.info("run {} succeeded: {} read, {} written, {} rejected, {} duplicates in {} ms", runId, result.read(),
          result.written(), result.rejected(), result.duplicates(), result.duration().toMillis());
    } else {
      LOG.error("run {} failed: {}", runId, failureMessage);
    }
    listeners.runFinished(result);
    return result;
  }

  private void commitAll(BlockingQueue<CompletableFuture<Transformed>> queue) throws Exception {
    while (true) {
      Transformed t;
      try {
        t = queue.take().get();
      } catch (ExecutionException e) {
        Throwable cause = unwrap(e);
        if (cause instanceof Error error) {
          throw error; // a StackOverflowError in a transformer fails the run under its own name
        }
        throw cause instanceof Exception ex ? ex : new EtlException(String.valueOf(cause), cause);
      }
      if (t == null) {
        return;
      }
      commit(t);
      if (t.batch.failure() != null) {
        Throwable f = t.batch.failure();
        throw f instanceof Exception e ? e : new EtlException(f.toString(), f);
      }
    }
  }

  private void commit(Transformed t) throws Exception {
    Batch batch = t.batch;
    long t0 = System.nanoTime();
    serialChain.apply(t);
    transformNanos += t.transformNanos + System.nanoTime() - t0;
    // the share is of the items handled: those read and those a transformer split off
    String policyFailure = def.errorPolicy().violatedBy(state.read + state.added + batch.readCount() + t.added,
        state.rejected + t.rejected.size());
    if (policyFailure != null) {
      List<RejectedRecord> inOrder = Rejection.inInputOrder(t.rejected);
      throw new EtlException(policyFailure + (inOrder.isEmpty() ? "" : "; first: " + inOrder.get(0)));
    }
    List<Entry> outputs = t.outputs;
    SinkSet.Written written = sinks.write(outputs, t.rejected);
    List<RejectedRecord> rejected = written.rejected();

    t.quality.countRejected(rejected);
    state.read += batch.readCount();
    readThisAttempt += batch.readCount();
    state.rejected += rejected.size();
    state.duplicates += t.duplicates;
    state.filtered += t.filtered;
    state.added += t.added;
    state.written += outputs.size() - written.rejectedBySinks();
    state.batches++;
    for (int i = 0; i < sinks.names().size(); i++) {
      state.writtenPerSink.merge(sinks.names().get(i), written.writtenBy()[i], Long::sum);
    }
    state.quality.merge(t.quality);
    // Only the kept rejections go to the errors log: it exists to restore the result's errors on resume.
    // The dead letter and the quality counts have them all.
    List<RejectedRecord> kept = state.keep(rejected, def.errorPolicy().keepErrors());
    if (batch.position() != null) {
      state.sourceIndex = batch.sourceIndex();
      state.position = batch.position();
    }
    List<Map<String, Object>> sinkStates = new ArrayList<>(sinks.all().size());
    for (Sink<Object> sink : sinks.all()) {
      sinkStates.add(SinkState.checked(sink.name(), sink.state()));
    }
    state.sinkStates = sinkStates;

    long c0 = System.nanoTime();
    List<Checkpointer.LogEntry> entries = new ArrayList<>(2);
    if (!kept.isEmpty()) {
      entries.add(logEntry(RunState.ERRORS_LOG, RejectionJson.write(kept)));
    }
    for (int i = 0; i < def.transformers().size(); i++) {
      if (def.transformers().get(i) instanceof StatefulTransformer<Object, Object> st) {
        byte[] delta = st.checkpointDelta();
        if (delta.length > 0) {
          entries.add(logEntry(stateLog(i), delta));
        }
      }
    }
    checkpointer.submit(entries, checkpoint(RunStatus.RUNNING, null));
    checkpointNanos += System.nanoTime() - c0;

    for (RejectedRecord r : rejected) {
      LOG.debug("{}", r);
      listeners.recordRejected(r);
    }
    listeners.batchCommitted(new Progress(runId, state.batches, state.read, state.rejected, state.duplicates,
        state.written, Duration.ofNanos(System.nanoTime() - startNanos), readThisAttempt, batch.bytesRead(), totalBytes()));

    // what the sinks refused is known only now, after the batch was written and checkpointed
    String afterWrite = def.errorPolicy().violatedBy(state.read + state.added, state.rejected);
    if (afterWrite != null) {
      throw new EtlException(afterWrite + (rejected.isEmpty() ? "" : "; first: " + rejected.get(0)));
    }
  }

  /**
   * The sinks' states right after they opened; null for a sink that cannot tell its state before its
   * first write (the Sink contract lets it throw then), which a resume before that write opens afresh.
   */
  private List<@Nullable Map<String, Object>> openingStates() {
    List<@Nullable Map<String, Object>> states = new ArrayList<>(sinks.all().size());
    for (Sink<Object> sink : sinks.all()) {
      Map<String, Object> s;
      try {
        s = sink.state();
      } catch (RuntimeException e) {
        LOG.debug("sink '{}' has no state before its first write: {}", sink.name(), e.toString());
        s = null;
      }
      states.add(s == null ? null : SinkState.checked(sink.name(), s));
    }
    return states;
  }

  /** A log entry, counted in the run's log lengths now: the checkpoint handed over with it covers it. */
  private Checkpointer.LogEntry logEntry(String base, byte[] entry) {
    String log = state.log(base);
    state.logLengths.merge(log, 1, Integer::sum);
    return new Checkpointer.LogEntry(log, entry);
  }

  private Checkpoint checkpoint(RunStatus status, @Nullable String failure) {
    return state.toCheckpoint(runId, def.name(), fingerprint, status, elapsedMillis(), def.clock().instant(), failure);
  }

  /**
   * The checkpoint the run ends with. When saving checkpoints failed, the state in memory is ahead of
   * what the store holds (a batch's log entries may be missing), so the last saved checkpoint is kept,
   * only marked FAILED.
   */
  private Checkpoint finalCheckpoint(RunStatus status, @Nullable String failure) {
    Checkpoint current = checkpoint(status, failure);
    if (checkpointer == null || !checkpointer.failed()) {
      return current;
    }
    Checkpoint last = checkpointer.lastSaved();
    return new Checkpoint(last.runId(), last.pipeline(), last.fingerprint(), RunStatus.FAILED, last.sourceIndex(),
        last.position(), last.sinkStates(), last.logLengths(), last.counts(), last.details(), last.startedAt(),
        current.updatedAt(), failure);
  }

  /** Saves a checkpoint on this thread: the first one, and the final one once the checkpointer is drained. */
  private void save(Checkpoint cp) {
    try {
      def.retry().call("save checkpoint", () -> {
        def.checkpoints().save(cp);
        return null;
      });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new EtlException("cannot save checkpoint: " + e.getMessage(), e);
    }
  }

  /** On the way out of a failed run: let queued checkpoints land so that the final one is saved last. */
  private static void drainQuietly(Checkpointer checkpointer) {
    try {
      checkpointer.drain();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("checkpoints could not be saved: {}", e.getMessage());
    } finally {
      checkpointer.stop();
    }
  }

  private long totalBytes() {
    long total = 0;
    for (var s : def.sources()) {
      long b = s.totalBytes();
      if (b < 0) {
        return -1;
      }
      total += b;
    }
    return total;
  }

  private long elapsedMillis() {
    return startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1_000_000;
  }

  private PipelineResult result(RunStatus status, @Nullable String failureMessage, @Nullable Throwable failure) {
    timings.put("read", Duration.ofNanos(readNanos.get()));
    timings.put("transform", Duration.ofNanos(transformNanos));
    sinks.addTimings(timings);
    timings.put("checkpoint", Duration.ofNanos(checkpointNanos));
    return new PipelineResult(runId, def.name(), status, state.read, state.rejected, state.duplicates, state.filtered,
        state.added, state.written, state.writtenPerSink, state.errors, failureMessage, failure, state.startedAt,
        Duration.ofMillis(state.elapsedBeforeMillis + elapsedMillis()), timings,
        state.quality.report(state.read + state.added, state.rejected), resumeFrom != null);
  }

  /** The result of a run that already succeeded, read from its checkpoint without running anything. */
  public PipelineResult alreadySucceeded() {
    LOG.info("run {} already succeeded; nothing to resume", runId);
    return result(RunStatus.SUCCEEDED, null, null);
  }

  private String describeResume() {
    if (state.position == null) {
      return "the start";
    }
    return "source " + def.sources().get(state.sourceIndex).name() + " after " + state.position.description();
  }

  private static String stateLog(int transformerIndex) {
    return "state-" + transformerIndex;
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The failure in one line: a server's message may go on over several ({@code \n  Position: 32}). */
  private static String describe(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    m = LINE_BREAKS.matcher(m.strip()).replaceAll(" ");
    if (t instanceof EtlException) {
      return m;
    }
    return m.startsWith(t.getClass().getSimpleName()) ? m : t.getClass().getSimpleName() + ": " + m;
  }
}
