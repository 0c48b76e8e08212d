package dev.etlkit.api;

import java.util.Map;

/**
 * Writes batches of items to one destination.
 *
 * <p>Contract, all calls on the pipeline's single writer thread:
 * <ol>
 *   <li>{@link #open(SinkContext)} once. On resume the context carries the {@link #state()} saved with
 *       the last checkpoint; the sink restores it (a file sink truncates back to its committed length).</li>
 *   <li>{@link #write(Chunk)} once per batch, in order. When it returns, the batch is durable enough
 *       that a checkpoint may record it. A sink that can tell one bad item from the rest (a row that
 *       breaks a constraint) rejects it with {@link Chunk#reject(int, String)} and writes the others.
 *       Throw {@link RetriableException} for a transient fault: the engine calls {@code write} again
 *       with the same chunk, so a failed write must leave nothing behind (or be idempotent). Any other
 *       exception fails the run.</li>
 *   <li>{@link #state()} once right after {@code open} (a sink that cannot tell its state before its first
 *       write may throw then; it is asked again after that write), and after each write, for the
 *       checkpoint.</li>
 *   <li>{@link #complete()} once when the whole run succeeded (rename the temporary file into place,
 *       swap tables), then {@link #close()} once, whatever happened.</li>
 * </ol>
 *
 * <p>Providers are registered in {@code META-INF/services/dev.etlkit.api.SinkProvider}.
 *
 * @param <T> the type of item written, usually {@link Record}
 */
public interface Sink<T> extends AutoCloseable {

  /** A short name for messages and reports: the file name or table. */
  String name();

  /**
   * Where and how this sink writes, for the pipeline's fingerprint: a run is resumed only by a pipeline
   * whose plugins give the same definitions, so that a resume never mixes two outputs. Include what
   * changes the output (the destination's absolute path or table, columns, mode); never a secret. By
   * default the {@link #name()}.
   */
  default String definition() {
    return name();
  }

  /** Prepares the destination; restores {@link SinkContext#restoredState()} on resume. */
  default void open(SinkContext context) throws Exception {
  }

  /** Writes one batch. */
  void write(Chunk<T> chunk) throws Exception;

  /**
   * What to restore on resume: after the last write, or after {@code open} before any (an appending file's
   * starting length, say). It is saved as JSON, so it holds only strings,
   * whole numbers, finite doubles, booleans, null, lists and maps (anything else, a {@code BigDecimal}
   * included, fails the run naming the key); on resume whole numbers come back as {@code Long}
   * ({@code BigInteger} beyond its range) and doubles as {@code Double}. Empty by default.
   */
  default Map<String, Object> state() {
    return Map.of();
  }

  /** The run succeeded: make the output final. */
  default void complete() throws Exception {
  }

  /** Releases the destination. */
  @Override
  default void close() throws Exception {
  }
}
