package dev.etlkit.api;

import java.util.List;

/**
 * A pipeline or its config is wrong: a missing or bad option, an unknown plugin type, an unreadable
 * input file. Thrown before any data moves; the message lists every problem found, one per line, each
 * with its path ({@code outputs[1].destination: required}).
 */
public class ConfigException extends EtlException {

  private final List<String> problems;

  /** One problem. */
  public ConfigException(String message) {
    super(message);
    this.problems = List.of(message);
  }

  /** One problem with its cause. */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of(message);
  }

  /** Several problems at once; the message joins them with new lines. */
  public ConfigException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, each a single line. */
  public List<String> problems() {
    return problems;
  }
}
