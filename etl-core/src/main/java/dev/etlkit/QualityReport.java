package dev.etlkit;

import java.util.Map;

/**
 * Data quality of a run's input: for each field, how many records had it filled, how many had it missing
 * or empty, and how many were rejected for it; and how often each rule failed.
 *
 * @param fields per field name, in first-seen order
 * @param ruleFailures per rule ({@code "age.min"}), how many records failed it
 * @param errorRate rejected / (read + added): the share of the items handled, 0 when nothing was read
 */
public record QualityReport(Map<String, FieldQuality> fields, Map<String, Long> ruleFailures, double errorRate) {

  public QualityReport {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    ruleFailures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ruleFailures));
  }

  /**
   * Counts for one field.
   *
   * @param present records where it held a non-empty value
   * @param empty records where it was missing, null or blank
   * @param rejected rejected records with at least one violation on it
   */
  public record FieldQuality(long present, long empty, long rejected) {
  }
}
