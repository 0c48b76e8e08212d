package dev.etlkit.transform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a date from text with the first of several formats that fits the whole text, strictly: an
 * impossible date such as {@code 2023-02-30} fits none. A format is a {@link DateTimeFormatter}
 * pattern ({@code yyyy} is read as {@code uuuu}, since a strict year-of-era needs an era) or the name
 * of one of its ISO constants ({@code ISO_DATE_TIME}); a format with a time takes the date part.
 */
final class DateFormats {

  /** A moment every pattern field can be written from, with a day of month, month and hour all different. */
  private static final ZonedDateTime SAMPLE = ZonedDateTime.of(2001, 2, 3, 16, 5, 6, 7_000_000, ZoneId.of("Europe/Paris"));

  private final String[] names;
  private final DateTimeFormatter[] formatters;
  /** For {@code yyyy?MM?dd} patterns, the separator, read by hand; 0 otherwise. */
  private final char[] fastSeparators;
  /** Which formats are {@code ISO_DATE_TIME}, whose common shapes are read by hand. */
  private final boolean[] isoDateTimes;

  DateFormats(List<String> formats) {
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("date formats must not be empty");
    }
    int n = formats.size();
    names = formats.toArray(new String[0]);
    formatters = new DateTimeFormatter[n];
    fastSeparators = new char[n];
    isoDateTimes = new boolean[n];
    for (int i = 0; i < n; i++) {
      formatters[i] = formatter(names[i]);
      fastSeparators[i] = fastSeparator(names[i]);
      isoDateTimes[i] = names[i].equals("ISO_DATE_TIME");
    }
  }

  List<String> formats() {
    return List.of(names);
  }

  @Nullable LocalDate parse(String text) {
    for (int i = 0; i < formatters.length; i++) {
      LocalDate d;
      if (isoDateTimes[i]) {
        d = isoDateTime(text);
        if (d == null) {
          d = parse(formatters[i], text);
        }
      } else if (fastSeparators[i] == 0) {
        d = parse(formatters[i], text);
      } else if (text.length() == 10) {
        d = parseFixed(text, fastSeparators[i]);
      } else {
        // other lengths fit only a signed year of five or more digits: rare, left to the formatter
        d = text.length() > 10 && (text.charAt(0) == '+' || text.charAt(0) == '-') ? parse(formatters[i], text) : null;
      }
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  static DateTimeFormatter formatter(String format) {
    DateTimeFormatter iso = iso(format);
    if (iso != null) {
      return iso;
    }
    if (format.matches("[A-Z0-9]+(_[A-Z0-9]+)+")) {
      // a constant's name that is not one of ours reads as pattern letters, with a baffling message
      throw new IllegalArgumentException("bad date format '" + format + "': not a pattern, nor one of the constants "
          + String.join(", ", ISO_NAMES) + " (ISO_INSTANT and the time-only ones carry no date)");
    }
    DateTimeFormatter f;
    try {
      f = DateTimeFormatter.ofPattern(yearOfEraAsYear(format), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad date format '" + format + "': " + e.getMessage(), e);
    }
    if (!givesDates(f)) {
      // "HH:mm", "yyyy" or a typo of literals would match nothing, and every value would stay text
      throw new IllegalArgumentException("bad date format '" + format
          + "': it cannot give a date (it needs a year and a month and day, a day of the year or a week date)");
    }
    return f;
  }

  /** Whether a date written with {@code f} reads back as that date: the pattern carries a whole date. */
  private static boolean givesDates(DateTimeFormatter f) {
    try {
      return SAMPLE.toLocalDate().equals(parse(f, f.format(SAMPLE)));
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** Parses the whole text; checks the shape before resolving so that most misfits throw nothing. */
  static @Nullable LocalDate parse(DateTimeFormatter f, String text) {
    ParsePosition pos = new ParsePosition(0);
    try {
      if (f.parseUnresolved(text, pos) == null || pos.getIndex() != text.length()) {
        return null;
      }
      TemporalAccessor t = f.parse(text);
      return LocalDate.from(t);
    } catch (DateTimeException e) {
      // an impossible date (2023-02-30), a format without a date, or an offset out of range (+02:60),
      // which the offset parser reports by throwing even from parseUnresolved
      return null;
    }
  }

  private static @Nullable LocalDate parseFixed(String s, char sep) {
    if (s.charAt(4) != sep || s.charAt(7) != sep) {
      return null;
    }
    int y = digits(s, 0, 4);
    int m = digits(s, 5, 7);
    int d = digits(s, 8, 10);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > java.time.Month.of(m).length(Year.isLeap(y))) {
      return null;
    }
    return LocalDate.of(y, m, d);
  }

  /**
   * The date of {@code yyyy-MM-ddTHH:mm[:ss[.fraction]][Z|+HH:MM|-HH:MM]}, checked as strictly as
   * {@code ISO_DATE_TIME} checks it; null for anything else (also for what is merely unusual, such as a
   * zone id or a zero offset written with digits), which is then left to the formatter.
   */
  static @Nullable LocalDate isoDateTime(String s) {
    int len = s.length();
    if (len < 16 || s.charAt(10) != 'T' || s.charAt(13) != ':') {
      return null;
    }
    LocalDate date = parseFixed(s, '-');
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return null;
    }
    int i = 16;
    if (i < len && s.charAt(i) == ':') {
      int second = len >= 19 ? digits(s, 17, 19) : -1;
      if (second < 0 || second > 59) {
        return null;
      }
      i = 19;
      if (i < len && s.charAt(i) == '.') {
        int start = ++i;
        while (i < len && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        if (i == start) {
          return null;
        }
      }
    }
    if (i == len || s.charAt(i) == 'Z' && i + 1 == len) {
      return date;
    }
    char sign = s.charAt(i);
    if ((sign == '+' || sign == '-') && len == i + 6 && s.charAt(i + 3) == ':') {
      int hours = digits(s, i + 1, i + 3);
      int minutes = digits(s, i + 4, i + 6);
      return hours >= 0 && hours < 18 && minutes >= 0 && minutes < 60 && hours + minutes > 0 ? date : null;
    }
    return null;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static char fastSeparator(String format) {
    String f = format.replace('y', 'u');
    if (f.length() == 10 && f.startsWith("uuuu") && f.substring(5, 7).equals("MM") && f.substring(8).equals("dd")
        && f.charAt(4) == f.charAt(7) && "-/.".indexOf(f.charAt(4)) >= 0) {
      return f.charAt(4);
    }
    return 0;
  }

  /** The {@link DateTimeFormatter} constants that carry a date, by name. */
  private static final List<String> ISO_NAMES = List.of("ISO_LOCAL_DATE", "ISO_OFFSET_DATE", "ISO_DATE",
      "ISO_LOCAL_DATE_TIME", "ISO_OFFSET_DATE_TIME", "ISO_ZONED_DATE_TIME", "ISO_DATE_TIME", "ISO_ORDINAL_DATE",
      "ISO_WEEK_DATE", "BASIC_ISO_DATE", "RFC_1123_DATE_TIME");

  private static @Nullable DateTimeFormatter iso(String name) {
    return switch (name) {
      case "ISO_LOCAL_DATE" -> DateTimeFormatter.ISO_LOCAL_DATE;
      case "ISO_OFFSET_DATE" -> DateTimeFormatter.ISO_OFFSET_DATE;
      case "ISO_DATE" -> DateTimeFormatter.ISO_DATE;
      case "ISO_LOCAL_DATE_TIME" -> DateTimeFormatter.ISO_LOCAL_DATE_TIME;
      case "ISO_OFFSET_DATE_TIME" -> DateTimeFormatter.ISO_OFFSET_DATE_TIME;
      case "ISO_ZONED_DATE_TIME" -> DateTimeFormatter.ISO_ZONED_DATE_TIME;
      case "ISO_DATE_TIME" -> DateTimeFormatter.ISO_DATE_TIME;
      case "ISO_ORDINAL_DATE" -> DateTimeFormatter.ISO_ORDINAL_DATE;
      case "ISO_WEEK_DATE" -> DateTimeFormatter.ISO_WEEK_DATE;
      case "BASIC_ISO_DATE" -> DateTimeFormatter.BASIC_ISO_DATE;
      case "RFC_1123_DATE_TIME" -> DateTimeFormatter.RFC_1123_DATE_TIME;
      default -> null;
    };
  }

  /** Replaces pattern letter {@code y} by {@code u} outside quoted literals. */
  private static String yearOfEraAsYear(String pattern) {
    StringBuilder sb = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      sb.append(!quoted && c == 'y' ? 'u' : c);
    }
    return sb.toString();
  }
}
