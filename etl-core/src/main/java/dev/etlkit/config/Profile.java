package dev.etlkit.config;

import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import java.util.List;
import java.util.Map;

/**
 * What the seed config's boolean {@code transformations} mean for one kind of data: which transformers
 * each {@link Switches switch} turns on, in which order, and the options a profile adds to outputs of a
 * type (the columns of a CSV file, say). The generic library knows no profile; an application passes
 * its own to {@link ConfigReader#profile(Profile)}. A config whose {@code transformations} is a list of
 * steps needs none.
 *
 * <pre>{@code
 * Profile employees = new Profile() {
 *   public String name() { return "employees"; }
 *   public List<Transformer<Record, Record>> transformers(Switches on) {
 *     List<Transformer<Record, Record>> steps = new ArrayList<>();
 *     if (on.normalization()) steps.add(EmployeeRules.normalize());
 *     if (on.validation()) steps.add(EmployeeRules.validate());
 *     return steps;
 *   }
 * };
 * }</pre>
 */
public interface Profile {

  /** A short name for messages. */
  String name();

  /**
   * New transformers for the switches that are on, in the order they apply. Called once per pipeline
   * built, so stateful transformers are never shared between pipelines.
   */
  List<Transformer<Record, Record>> transformers(Switches switches);

  /**
   * Options added to every output of {@code type} that does not set them itself: for the employee
   * profile, the CSV columns and headers. None by default.
   */
  default Map<String, Object> outputDefaults(String type) {
    return Map.of();
  }
}
