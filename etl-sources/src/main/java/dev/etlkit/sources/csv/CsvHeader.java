package dev.etlkit.sources.csv;

import dev.etlkit.api.EtlException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Column names: read from a header line, or made up for a file without one. */
final class CsvHeader {

  private CsvHeader() {
  }

  /**
   * The names on the current record of {@code rows}, kept as written. Unless other names replace them,
   * each must be present and unique, or the file cannot be read as records.
   */
  static String[] names(CsvRows rows, String fileName, boolean replaced) {
    String where = fileName + " line " + rows.line() + ": ";
    String problem = rows.problem(List.of());
    if (problem != null) {
      throw new EtlException(where + "header: " + problem);
    }
    String[] names = rows.values().clone();
    for (String name : names) {
      if (name.indexOf('\r') >= 0) {
        // a file whose lines end in CR alone (old Mac files) reads as one line: say so rather than
        // read it as a header and no records
        throw new EtlException(where + "the header holds a CR line break; if the file ends its lines with CR alone,"
            + " convert them to LF or CRLF");
      }
    }
    if (replaced) {
      return names;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (names[i].isEmpty()) {
        throw new EtlException(where + "column " + (i + 1) + " has no name; name the columns with the columns option");
      }
      Integer earlier = seen.put(names[i], i + 1);
      if (earlier != null) {
        throw new EtlException(where + "column name '" + names[i] + "' is used by columns " + earlier + " and " + (i + 1));
      }
    }
    return names;
  }

  /** {@code column1, column2, ...} for a file without a header. */
  static String[] generated(int count) {
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = "column" + (i + 1);
    }
    return names;
  }
}
