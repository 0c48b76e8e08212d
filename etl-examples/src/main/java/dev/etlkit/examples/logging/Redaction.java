package dev.etlkit.examples.logging;

import dev.etlkit.config.Secrets;

/**
 * The secrets every log line is masked with. Logback makes its appenders and converters itself, so the
 * command hands them the secrets here: first those of the environment, then those of the config.
 */
public final class Redaction {

  private static volatile Secrets secrets = Secrets.none();

  private Redaction() {
  }

  /** Adds secrets to mask from now on. */
  public static synchronized void add(Secrets more) {
    secrets = secrets.and(more);
  }

  /** The secrets to mask. */
  public static Secrets secrets() {
    return secrets;
  }

  /** {@code text} with every known secret masked. */
  public static String redact(String text) {
    return secrets.redact(text);
  }
}
