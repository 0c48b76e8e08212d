package dev.etlkit.api;

import java.util.List;

/**
 * A transformer whose state must survive a resume (deduplication keys, say). It is always
 * {@linkplain #ordered() ordered}.
 *
 * <p>After every committed batch the engine asks for {@link #checkpointDelta()}: the state added since
 * the previous call, which the checkpoint store appends to the run's log, so that a large state is
 * never rewritten whole. On resume, {@link #restore(List)} receives every committed delta in order,
 * before the first item.
 *
 * @param <I> input type
 * @param <O> output type
 */
public interface StatefulTransformer<I, O> extends Transformer<I, O> {

  @Override
  default boolean ordered() {
    return true;
  }

  /** The state added since the last call, or an empty array when nothing changed. */
  byte[] checkpointDelta();

  /** Rebuilds the state from the committed deltas, oldest first. */
  void restore(List<byte[]> deltas) throws Exception;
}
