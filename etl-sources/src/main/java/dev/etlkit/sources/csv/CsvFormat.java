package dev.etlkit.sources.csv;

import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import java.nio.charset.Charset;

/** How the file's characters make records: what {@link CsvRows} needs to parse one. */
record CsvFormat(char delimiter, char quote, char escape, char comment, boolean trim, Charset charset, int maxFieldChars) {

  /** No comment character. */
  static final char NO_COMMENT = '\0';

  // Enough for any sane file; the parser keeps one array of this size per source.
  static final int MAX_COLUMNS = 10_000;

  /** Univocity set up to hand over every line exactly as written and to never stop on bad quoting. */
  CsvParserSettings parserSettings() {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(delimiter);
    s.getFormat().setQuote(quote);
    s.getFormat().setQuoteEscape(escape);
    s.getFormat().setCharToEscapeQuoteEscaping(escape == quote ? '\0' : escape);
    // Lines end at LF; a CR before it is removed by CsvRows, so CRLF, LF and mixed files all work and a
    // CRLF inside quotes stays as written. "Normalizing" LF to LF inside quotes changes nothing but makes
    // Univocity read quoted values char by char, which is what keeps its line count right.
    s.getFormat().setLineSeparator("\n");
    s.getFormat().setNormalizedNewline('\n');
    s.setNormalizeLineEndingsWithinQuotes(true);
    // Comments and blank lines are skipped by CsvRows, which must see every line to count lines.
    s.getFormat().setComment('\0');
    s.setSkipEmptyLines(false);
    s.setIgnoreLeadingWhitespaces(trim);
    s.setIgnoreTrailingWhitespaces(trim);
    s.setIgnoreLeadingWhitespacesInQuotes(trim);
    s.setIgnoreTrailingWhitespacesInQuotes(trim);
    s.setNullValue("");
    s.setEmptyValue("");
    s.setHeaderExtractionEnabled(false);
    s.setLineSeparatorDetectionEnabled(false);
    // Byte offsets are tracked per chunk the parser pulls; a read-ahead thread would pull them early.
    s.setReadInputOnSeparateThread(false);
    s.setUnescapedQuoteHandling(UnescapedQuoteHandling.STOP_AT_DELIMITER);
    s.setMaxCharsPerColumn(maxFieldChars);
    s.setMaxColumns(MAX_COLUMNS);
    s.setErrorContentLength(0);
    return s;
  }
}
