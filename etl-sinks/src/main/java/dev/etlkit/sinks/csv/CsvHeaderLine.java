package dev.etlkit.sinks.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The column names on the first line of an existing CSV file, for appending under it: a byte-order mark
 * is not part of the first name, quotes are taken off, and names are compared trimmed.
 */
final class CsvHeaderLine {

  private CsvHeaderLine() {
  }

  /** The names on {@code line}, the file's first line without its line end. */
  static List<String> names(String line, char delimiter) {
    String text = line;
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> names = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          name.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          name.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        names.add(name.toString().strip());
        name.setLength(0);
      } else if (c == '\n' || c == '\r') {
        break;
      } else {
        name.append(c);
      }
    }
    names.add(name.toString().strip());
    return names;
  }
}
