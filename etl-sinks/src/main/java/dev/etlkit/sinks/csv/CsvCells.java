package dev.etlkit.sinks.csv;

import dev.etlkit.sinks.json.JsonValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns record values into cell text: dates by a pattern, booleans as chosen words, decimals plain
 * (no exponent, no trailing zeros), maps and lists as JSON, and, when asked, text that a spreadsheet
 * would run as a formula made inert.
 */
final class CsvCells {

  private final @Nullable DateTimeFormatter dates;
  private final String trueText;
  private final String falseText;
  private final boolean escapeFormulas;

  /** {@code datePattern} "yyyy-MM-dd" keeps the fast ISO path. */
  CsvCells(String datePattern, String trueText, String falseText, boolean escapeFormulas) {
    this.dates = datePattern.equals("yyyy-MM-dd") ? null : DateTimeFormatter.ofPattern(datePattern);
    this.trueText = trueText;
    this.falseText = falseText;
    this.escapeFormulas = escapeFormulas;
  }

  /** Whether dates are written as {@link LocalDate#toString()} writes them. */
  boolean isoDates() {
    return dates == null;
  }

  @Nullable String format(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return escapeFormulas && isFormula(s) ? "'" + s : s;
    }
    if (value instanceof BigDecimal d) {
      return JsonValues.plain(d);
    }
    if (value instanceof Boolean b) {
      return b ? trueText : falseText;
    }
    if (value instanceof LocalDate d) {
      return dates == null ? d.toString() : dates.format(d);
    }
    if (value instanceof Double d) {
      return Double.isFinite(d) ? JsonValues.plain(BigDecimal.valueOf(d)) : d.toString();
    }
    if (value instanceof Map || value instanceof List) {
      return JsonValues.toJson(value);
    }
    return value.toString();
  }

  /**
   * Spreadsheets run a cell starting with {@code = + - @} (or a tab or CR before one) as a formula;
   * OWASP's advice is to prefix such cells with a single quote.
   */
  private static boolean isFormula(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** How cells are written, for the sink's definition. */
  String definition() {
    return "dates=" + dates + " booleans=" + trueText + "/" + falseText + " escapeFormulas=" + escapeFormulas;
  }
}
