package dev.etlkit.sinks.csv;

import java.util.Objects;

/**
 * One column of a CSV output: the record field it shows and its header.
 *
 * @param field the record field whose value fills the column (a missing field gives an empty cell)
 * @param header the column's name in the header row
 */
public record CsvColumn(String field, String header) {

  /** Checks both names. */
  public CsvColumn {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(header, "header");
    if (field.isEmpty()) {
      throw new IllegalArgumentException("field must not be empty");
    }
  }

  /** A column headed by its field's name. */
  public static CsvColumn of(String field) {
    return new CsvColumn(field, field);
  }
}
