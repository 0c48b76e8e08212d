package dev.etlkit.config;

/**
 * The seed config's four transformation switches, {@code "transformations": {"validation": true, ...}}.
 * A {@link Profile} turns them into transformers; a switch missing from the config is off.
 *
 * @param normalization clean values (trim, case, number and date parsing)
 * @param validation reject records that break the profile's rules
 * @param enrichment add derived fields
 * @param deduplication drop records whose key was already seen in the run
 */
public record Switches(boolean normalization, boolean validation, boolean enrichment, boolean deduplication) {

  /** Every switch on. */
  public static final Switches ALL = new Switches(true, true, true, true);

  /** Every switch off. */
  public static final Switches NONE = new Switches(false, false, false, false);
}
