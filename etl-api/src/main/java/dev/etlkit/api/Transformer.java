package dev.etlkit.api;

/**
 * Turns one item into zero, one or many items.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #open(TransformContext)} once before the first item, {@link #close()} once at the end.</li>
 *   <li>{@link #transform(Object, Emitter)} once per item. Unless {@link #ordered()} is true it may be
 *       called concurrently from several worker threads, so it must be thread-safe; the engine keeps
 *       output order anyway. An ordered transformer sees the items one at a time, in input order, on a
 *       single thread.</li>
 *   <li>The input is never mutated; return it as it is or a new value.</li>
 *   <li>Throwing {@link RecordException} (with its violations) rejects that item alone; the run goes on.
 *       Any other exception also rejects the item, with the exception's message, except an
 *       {@link EtlException}: that one is fatal to the run (a lookup table that does not exist, say),
 *       and a {@link RetriableException} is retried first.</li>
 *   <li>An item dropped as a duplicate is reported with {@link Emitter#duplicate()} so that the
 *       run's counts add up: read + added = rejected + duplicates + filtered + written (filtered: items
 *       dropped otherwise; added: items emitted beyond the first for one item).</li>
 * </ul>
 *
 * <p>Providers are registered in {@code META-INF/services/dev.etlkit.api.TransformerProvider}.
 *
 * @param <I> input type
 * @param <O> output type
 */
@FunctionalInterface
public interface Transformer<I, O> {

  /** Handles one item, emitting its results to {@code out}. */
  void transform(I item, Emitter<O> out) throws Exception;

  /**
   * A short name for messages and reports: the step in "transformer 'validate' rejected ...". By default
   * the class's simple name in lower case, or "transform" for a lambda (whose class name changes from
   * one JVM to the next) or an anonymous class (which has none).
   */
  default String name() {
    String simple = getClass().getSimpleName();
    return getClass().isHidden() || simple.isEmpty() ? "transform" : simple.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * What this transformer does, for the pipeline's fingerprint: a run is resumed only by a pipeline whose
   * plugins give the same definitions, so that records before and after the resume are treated alike.
   * Include what changes the output (rules, keys, fields); never a secret. By default the {@link #name()}.
   */
  default String definition() {
    return name();
  }

  /** Whether this transformer keeps state across items and must see them one at a time, in order. */
  default boolean ordered() {
    return false;
  }

  /** Called once before the first item. */
  default void open(TransformContext context) throws Exception {
  }

  /** Called once after the last item, even when the run failed. */
  default void close() throws Exception {
  }

  /** A transformer of one item into one item. */
  static <I, O> Transformer<I, O> map(String name, java.util.function.Function<? super I, ? extends O> fn) {
    return new Transformer<>() {
      @Override
      public void transform(I item, Emitter<O> out) {
        out.emit(fn.apply(item));
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
