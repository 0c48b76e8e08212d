package dev.etlkit.api;

import org.jspecify.annotations.Nullable;

/**
 * Reads items one at a time from one input (a file, an API, a table).
 *
 * <p>Contract, all calls on the pipeline's single reader thread:
 * <ol>
 *   <li>{@link #open(SourceContext)} once, before anything else. On resume the context carries the
 *       position of the last committed item; the source then continues right after it. Problems with
 *       the input as a whole (missing file, bad charset) are thrown here as {@link ConfigException}.</li>
 *   <li>{@link #read()} until it returns {@code null}, which signals the end of input. Each call returns
 *       one {@link SourceItem}: a value with its position, or a rejection of one malformed item (a bad
 *       CSV row) so that the rest of the input is still read. Throw {@link RetriableException} for a
 *       transient fault (the engine retries the call), anything else for a fatal one (the run fails;
 *       items returned before it are still processed and committed).</li>
 *   <li>{@link #close()} once, whatever happened, even if {@code open} failed.</li>
 * </ol>
 *
 * <p>Sources never mutate items after returning them. Providers are registered in
 * {@code META-INF/services/dev.etlkit.api.SourceProvider}.
 *
 * @param <T> the type of item read, usually {@link Record}
 */
public interface Source<T> extends AutoCloseable {

  /** A short name for messages and reports: the file name, or the URL without its query. */
  String name();

  /**
   * What this source reads and how, for the pipeline's fingerprint: a run is resumed only by a pipeline
   * whose plugins give the same definitions, so that a resume never mixes two inputs. Include what
   * changes the items read (the file's absolute path, the options); never a secret (a header's value,
   * a key in a URL). By default the {@link #name()}.
   */
  default String definition() {
    return name();
  }

  /** Prepares to read; on resume, seeks to just after {@link SourceContext#resumeAfter()}. */
  default void open(SourceContext context) throws Exception {
  }

  /** The next item, or {@code null} at the end of input. */
  @Nullable SourceItem<T> read() throws Exception;

  /** Bytes consumed so far, for progress; -1 when unknown. */
  default long bytesRead() {
    return -1;
  }

  /** Total bytes of the input, for an ETA; -1 when unknown. */
  default long totalBytes() {
    return -1;
  }

  /** Releases the input. Called once, on the reader thread, even when {@code open} failed. */
  @Override
  default void close() throws Exception {
  }
}
