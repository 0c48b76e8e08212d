package dev.etlkit.internal;

import dev.etlkit.RejectedRecord;
import dev.etlkit.api.Emitter;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Retry;
import dev.etlkit.api.RetriableException;
import dev.etlkit.api.Transformer;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a list of transformers over a batch, stage by stage. A transformer that throws rejects that
 * item alone (and whatever it had emitted for it); a {@link RetriableException} is retried under the
 * pipeline's policy and fails the run when the attempts run out; any other {@link EtlException} but a
 * {@link RecordException} fails the run at once.
 */
final class TransformChain {

  private final List<Transformer<Object, Object>> transformers;
  private final Retry retry;

  TransformChain(List<Transformer<Object, Object>> transformers, Retry retry) {
    this.transformers = transformers;
    this.retry = retry;
  }

  boolean isEmpty() {
    return transformers.isEmpty();
  }

  /** Transforms {@code t.outputs} in place, adding rejections and counts to {@code t}. */
  void apply(Transformed t) throws Exception {
    List<Entry> current = t.outputs;
    for (Transformer<Object, Object> transformer : transformers) {
      List<Entry> next = new ArrayList<>(current.size());
      Collector collector = new Collector(next);
      for (Entry entry : current) {
        collector.start(entry);
        try {
          transformOne(transformer, entry, collector);
        } catch (Exception e) {
          if (e instanceof EtlException && !(e instanceof RecordException)) {
            // retries ran out, or the transformer says the run cannot go on (a lookup's table is missing)
            throw e;
          }
          collector.rollback();
          t.rejected.add(rejection(transformer, entry, e));
          continue;
        }
        if (collector.duplicate && collector.emitted > 0) {
          throw new EtlException("transformer '" + transformer.name() + "' emitted " + collector.emitted
              + (collector.emitted == 1 ? " item" : " items") + " for " + entry.origin()
              + " and also called duplicate(); a duplicate is dropped, so emit nothing for it");
        }
        if (collector.duplicate) {
          t.duplicates++;
        } else if (collector.emitted == 0) {
          t.filtered++;
        } else {
          t.added += collector.emitted - 1;
        }
      }
      current = next;
    }
    t.outputs = current;
  }

  private void transformOne(Transformer<Object, Object> transformer, Entry entry, Collector collector) throws Exception {
    try {
      transformer.transform(entry.value(), collector);
    } catch (RetriableException first) {
      collector.rollback();
      // the call above was the first attempt: the retry policy counts it by seeing its fault again
      boolean[] firstSeen = {false};
      retry.call("transformer '" + transformer.name() + "' on " + entry.origin(), () -> {
        if (!firstSeen[0]) {
          firstSeen[0] = true;
          throw first;
        }
        collector.rollback();
        transformer.transform(entry.value(), collector);
        return null;
      });
    }
  }

  private static Rejection rejection(Transformer<?, ?> transformer, Entry entry, Exception e) {
    if (e instanceof RecordException re) {
      String step = re.step() != null ? re.step() : transformer.name();
      return new Rejection(entry.seq(), new RejectedRecord(re.origin() != null ? re.origin() : entry.origin(), step,
          message(e), re.violations(), entry.raw()));
    }
    return new Rejection(entry.seq(), new RejectedRecord(entry.origin(), transformer.name(), message(e), List.of(), entry.raw()));
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** Collects what a transformer emits for one entry, so that a failure can take it back. */
  private static final class Collector implements Emitter<Object> {
    private final List<Entry> out;
    private Entry parent;
    private int mark;
    int emitted;
    boolean duplicate;

    Collector(List<Entry> out) {
      this.out = out;
    }

    void start(Entry entry) {
      parent = entry;
      mark = out.size();
      emitted = 0;
      duplicate = false;
    }

    void rollback() {
      while (out.size() > mark) {
        out.remove(out.size() - 1);
      }
      emitted = 0;
      duplicate = false;
    }

    @Override
    public void emit(Object item) {
      if (item == null) {
        throw new NullPointerException("transformer emitted null");
      }
      out.add(item == parent.value() ? parent : parent.derive(item));
      emitted++;
    }

    @Override
    public void duplicate() {
      duplicate = true;
    }
  }
}
