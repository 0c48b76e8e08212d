package dev.etlkit.internal;

import dev.etlkit.RejectedRecord;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Origin;
import dev.etlkit.api.Position;
import dev.etlkit.api.Retry;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceContext;
import dev.etlkit.api.SourceItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader thread: reads the sources one after the other, cuts the items into batches and hands each
 * batch to the worker pool, queueing its future in order. The bounded queue is what bounds memory: when
 * the writer falls behind, {@code put} blocks and reading pauses. A {@code null} future value marks the end.
 */
final class Reader implements Runnable {

  /** The step of an item its source could not parse; the source's name is in its origin already. */
  private static final String READ_STEP = "read";

  private static final Logger LOG = LoggerFactory.getLogger(Reader.class);

  private static final Retry.Listener RETRY_LOG = (what, attempt, fault, delay) ->
      LOG.warn("{} failed (attempt {}), retrying in {} ms: {}", what, attempt, delay.toMillis(), fault.getMessage());

  private final String runId;
  private final List<Source<Object>> sources;
  private final int startIndex;
  private final @Nullable Position resumeAfter;
  private final int batchSize;
  private final Retry retry;
  private final BlockingQueue<CompletableFuture<Transformed>> queue;
  private final ExecutorService workers;
  private final TransformChain parallelChain;
  private final AtomicLong readNanos;
  private volatile boolean cancelled;

  Reader(String runId, List<Source<Object>> sources, int startIndex, @Nullable Position resumeAfter, int batchSize,
      Retry retry, BlockingQueue<CompletableFuture<Transformed>> queue, ExecutorService workers,
      TransformChain parallelChain, AtomicLong readNanos) {
    this.runId = runId;
    this.sources = sources;
    this.startIndex = startIndex;
    this.resumeAfter = resumeAfter;
    this.batchSize = batchSize;
    this.retry = retry;
    this.queue = queue;
    this.workers = workers;
    this.parallelChain = parallelChain;
    this.readNanos = readNanos;
  }

  void cancel() {
    cancelled = true;
  }

  /**
   * The source's name in origins: its own name, or, when another source of the pipeline has the same
   * one (two files named x.csv in two folders), that name with the source's number, so that every
   * error still says which input it came from.
   */
  private String originName(int index) {
    String name = sources.get(index).name();
    for (int i = 0; i < sources.size(); i++) {
      if (i != index && sources.get(i).name().equals(name)) {
        return name + " (source " + (index + 1) + ")";
      }
    }
    return name;
  }

  /**
   * A source names itself at the start of its messages ("x.csv line 3: ..."); when another source has
   * the same name, the message takes the numbered name the origins use ("x.csv (source 2) line 3: ...").
   */
  private static EtlException namedAsInOrigins(EtlException e, String own, String origin) {
    String m = e.getMessage();
    if (own.equals(origin) || m == null || !m.startsWith(own)) {
      return e;
    }
    return new EtlException(origin + m.substring(own.length()), e);
  }

  @Override
  public void run() {
    long seq = 0;
    List<Entry> entries = new ArrayList<>(firstCapacity());
    List<Rejection> rejected = new ArrayList<>();
    long itemSeq = 0;
    int lastSource = startIndex;
    Position last = resumeAfter;
    long bytesDone = 0;
    Throwable failure = null;
    try {
      for (int i = startIndex; i < sources.size() && !cancelled; i++) {
        Source<Object> source = sources.get(i);
        Position resume = i == startIndex ? resumeAfter : null;
        String name = originName(i);
        String what = "read from " + name;
        Callable<SourceItem<Object>> read = source::read;
        try {
          source.open(context(resume));
          // Timed per batch, not per item: two clock reads per item cost more than reading a CSV line.
          long t0 = System.nanoTime();
          while (!cancelled) {
            SourceItem<Object> item = retry.call(what, read, RETRY_LOG);
            if (item == null) {
              break;
            }
            Origin origin = new Origin(name, item.position());
            if (item.isRejected()) {
              rejected.add(new Rejection(itemSeq++, new RejectedRecord(origin, READ_STEP, item.rejection().getMessage(),
                  item.rejection().violations(), item.raw())));
            } else {
              entries.add(new Entry(item.value(), origin, item.value(), itemSeq++));
            }
            lastSource = i;
            last = item.position();
            if (entries.size() + rejected.size() >= batchSize) {
              readNanos.addAndGet(System.nanoTime() - t0);
              submit(new Batch(seq++, entries, rejected, lastSource, last, bytesDone + Math.max(0, source.bytesRead()), null));
              entries = new ArrayList<>(firstCapacity());
              rejected = new ArrayList<>();
              t0 = System.nanoTime();
            }
          }
          readNanos.addAndGet(System.nanoTime() - t0);
          bytesDone += Math.max(0, source.bytesRead());
        } catch (EtlException e) {
          throw namedAsInOrigins(e, source.name(), name);
        } finally {
          closeQuietly(source);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Throwable t) {
      failure = t;
    }
    if (cancelled) {
      return;
    }
    try {
      if (!entries.isEmpty() || !rejected.isEmpty() || failure != null) {
        // a batch of nothing would change no position and only count as one more batch
        submit(new Batch(seq, entries, rejected, lastSource, last, bytesDone, failure));
      }
      queue.put(CompletableFuture.completedFuture(null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RejectedExecutionException e) {
      // the run failed while this last batch was being handed over, and its workers are gone: nobody waits for it
    }
  }

  /** A batch grows as it fills: a batch size far above the input's rows must not reserve memory for them. */
  private int firstCapacity() {
    return Math.min(batchSize, 1024);
  }

  private void submit(Batch batch) throws InterruptedException {
    CompletableFuture<Transformed> f = CompletableFuture.supplyAsync(() -> transform(batch), workers);
    queue.put(f);
  }

  private Transformed transform(Batch batch) {
    long t0 = System.nanoTime();
    QualityCounter quality = new QualityCounter();
    for (Entry e : batch.entries()) {
      quality.countInput(e.value());
    }
    Transformed t = new Transformed(batch, batch.entries(), new ArrayList<>(batch.rejected()), quality);
    try {
      parallelChain.apply(t);
    } catch (Exception e) {
      throw new CompletionException(e);
    }
    t.transformNanos = System.nanoTime() - t0;
    return t;
  }

  private SourceContext context(@Nullable Position resume) {
    return new SourceContext() {
      @Override
      public String runId() {
        return runId;
      }

      @Override
      public Retry retry() {
        return retry;
      }

      @Override
      public @Nullable Position resumeAfter() {
        return resume;
      }
    };
  }

  private static void closeQuietly(Source<?> source) {
    try {
      source.close();
    } catch (Exception e) {
      LOG.warn("closing source {} failed: {}", source.name(), e.getMessage());
    }
  }
}
