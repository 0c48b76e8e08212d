package dev.etlkit.sources.json;

/** How a JSON file holds its items. */
public enum JsonFormat {
  /** One document: a top-level array of objects, a single object, or an object whose items field holds the array. */
  ARRAY,
  /** Newline-delimited JSON: one object per line. */
  NDJSON,
  /**
   * Decided per file: {@code .ndjson} and {@code .jsonl} names are NDJSON; so is a file whose first line
   * holds one whole object with more after it; anything else is {@link #ARRAY}.
   */
  AUTO
}
