package dev.etlkit.api;

/**
 * One failed rule of one record: the field, a short rule code ({@code "required"}, {@code "min"},
 * {@code "pattern"}...) used to count failures per rule, and a message for people.
 */
public record Violation(String field, String rule, String message) {

  /** A violation whose rule code is its message. */
  public static Violation of(String field, String message) {
    return new Violation(field, message, message);
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
