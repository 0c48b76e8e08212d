package dev.etlkit.api;

/**
 * Receives what a {@link Transformer} makes of one item. Valid only during that
 * {@link Transformer#transform} call.
 *
 * @param <O> output type
 */
public interface Emitter<O> {

  /** Passes an item on to the next step. */
  void emit(O item);

  /**
   * Records that the input was dropped as a duplicate of an earlier item. A transformer that calls it
   * emits nothing for that input; doing both fails the run, since the item would be counted twice.
   */
  void duplicate();
}
