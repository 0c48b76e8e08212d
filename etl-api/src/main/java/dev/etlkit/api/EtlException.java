package dev.etlkit.api;

/**
 * The root of etlkit's exceptions, all unchecked. Subclasses say what the caller can do:
 * {@link ConfigException} (fix the pipeline or its config), {@link RecordException} (one item is bad;
 * the run goes on), {@link RetriableException} (try again). Any other {@code EtlException} is fatal
 * to the run.
 */
public class EtlException extends RuntimeException {

  /** A fatal error with a message that says what failed and where. */
  public EtlException(String message) {
    super(message);
  }

  /** A fatal error with its cause. */
  public EtlException(String message, Throwable cause) {
    super(message, cause);
  }
}
