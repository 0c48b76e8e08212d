package dev.etlkit.sources.csv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks the quoting of one record's raw text the way RFC 4180 wants it. Univocity is lenient and
 * keeps going after a stray quote; this finds such records so that they are rejected rather than
 * read with values nobody wrote. Run only on records where a quote character ended up in a value.
 */
final class QuoteCheck {

  /** One quoting problem: its kind, the 1-based field, and the index in the raw text where it is. */
  record Finding(Kind kind, int field, int index) {

    /** The problem in words, naming the field by number and, when {@code names} has it, by name. */
    String message(CharSequence raw, List<String> names) {
      String f = field <= names.size() ? field + " (" + names.get(field - 1) + ")" : Integer.toString(field);
      return switch (kind) {
        case STRAY_QUOTE -> "stray quote in unquoted field " + f;
        case TEXT_AFTER_QUOTE -> "unexpected character '" + raw.charAt(index) + "' after the closing quote of field " + f;
        case UNCLOSED_QUOTE -> "quote opening field " + f + " is never closed";
      };
    }
  }

  /** What is wrong. */
  enum Kind { STRAY_QUOTE, TEXT_AFTER_QUOTE, UNCLOSED_QUOTE }

  private final char delimiter;
  private final char quote;
  private final char escape;
  private final boolean trim;

  QuoteCheck(char delimiter, char quote, char escape, boolean trim) {
    this.delimiter = delimiter;
    this.quote = quote;
    this.escape = escape;
    this.trim = trim;
  }

  /** The first quoting problem of the record, or null when it is well formed. */
  @Nullable Finding check(CharSequence raw) {
    int n = raw.length();
    int i = 0;
    for (int field = 1; ; field++) {
      while (trim && i < n && isBlank(raw.charAt(i))) {
        i++;
      }
      if (i < n && raw.charAt(i) == quote) {
        int opening = i++;
        while (true) {
          if (i >= n) {
            return new Finding(Kind.UNCLOSED_QUOTE, field, opening);
          }
          char c = raw.charAt(i);
          boolean escapes = c == escape && i + 1 < n && (raw.charAt(i + 1) == quote || raw.charAt(i + 1) == escape);
          if (escapes) {
            i += 2;
          } else if (c == quote) {
            i++;
            break;
          } else {
            i++;
          }
        }
        // Univocity drops blanks between a closing quote and the delimiter; so do we
        while (i < n && isBlank(raw.charAt(i))) {
          i++;
        }
        if (i < n && raw.charAt(i) != delimiter) {
          return new Finding(Kind.TEXT_AFTER_QUOTE, field, i);
        }
      } else {
        while (i < n && raw.charAt(i) != delimiter) {
          if (raw.charAt(i) == quote) {
            return new Finding(Kind.STRAY_QUOTE, field, i);
          }
          i++;
        }
      }
      if (i >= n) {
        return null;
      }
      i++;
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
