package dev.etlkit.api;

/**
 * Where an item came from: the source's name (a file name, a URL without its query) and the item's
 * position in it. Printed as {@code "employees.csv line 42"}.
 */
public record Origin(String source, Position position) {

  /** The origin of an item without a meaningful position. */
  public static Origin of(String source) {
    return new Origin(source, Position.none());
  }

  @Override
  public String toString() {
    String where = position.description();
    return where.isEmpty() ? source : source + " " + where;
  }
}
