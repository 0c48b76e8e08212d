package dev.etlkit.internal;

import dev.etlkit.PipelineListener;
import dev.etlkit.PipelineResult;
import dev.etlkit.Progress;
import dev.etlkit.RejectedRecord;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to every listener; a listener that throws is logged and does not stop the run. */
final class Listeners implements PipelineListener {

  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final List<PipelineListener> listeners;

  Listeners(List<PipelineListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void runStarted(String runId, String pipeline, boolean resumed) {
    each(l -> l.runStarted(runId, pipeline, resumed));
  }

  @Override
  public void batchCommitted(Progress progress) {
    each(l -> l.batchCommitted(progress));
  }

  @Override
  public void recordRejected(RejectedRecord rejected) {
    each(l -> l.recordRejected(rejected));
  }

  @Override
  public void runFinished(PipelineResult result) {
    each(l -> l.runFinished(result));
  }

  private void each(Consumer<PipelineListener> event) {
    for (PipelineListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("listener {} failed: {}", l.getClass().getName(), e.toString());
      }
    }
  }
}
