package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldOpTest {

  static Stream<Arguments> textCases() {
    return Stream.of(
        Arguments.of("trim", FieldOp.trim(), "  a b \t", "a b"),
        Arguments.of("trim", FieldOp.trim(), "\u00a0x\u2003", "x"),
        Arguments.of("trim", FieldOp.trim(), "", ""),
        Arguments.of("lowerCase", FieldOp.lowerCase(), "JOHN@EXAMPLE.COM", "john@example.com"),
        Arguments.of("lowerCase", FieldOp.lowerCase(), "İSTANBUL", "i̇stanbul"),
        Arguments.of("upperCase", FieldOp.upperCase(), "hr", "HR"),
        Arguments.of("collapseWhitespace", FieldOp.collapseWhitespace(), "john  \t doe", "john doe"),
        Arguments.of("collapseWhitespace", FieldOp.collapseWhitespace(), " a  b ", " a b "),
        Arguments.of("collapseWhitespace", FieldOp.collapseWhitespace(), "a\nb", "a b"),
        Arguments.of("titleCaseWords", FieldOp.titleCaseWords(), "john  o'brien", "John  O'Brien"),
        Arguments.of("titleCaseWords", FieldOp.titleCaseWords(), "anne-marie smith-jones", "Anne-Marie Smith-Jones"),
        Arguments.of("titleCaseWords", FieldOp.titleCaseWords(), "JOHN mcDONALD", "JOHN McDONALD"),
        Arguments.of("titleCaseWords", FieldOp.titleCaseWords(), "müller élodie", "Müller Élodie"),
        Arguments.of("titleCaseWords", FieldOp.titleCaseWords(), "e\u0301mile zola", "E\u0301mile Zola"),
        Arguments.of("titleCaseWords", FieldOp.titleCaseWords(), "3rd x2y", "3rd X2y"),
        Arguments.of("titleCaseWords", FieldOp.titleCaseWords(), "d'arcy_van.der", "D'Arcy_Van.Der"),
        Arguments.of("titleCaseWords", FieldOp.titleCaseWords(), "𝒶bc", "𝒶bc"));
  }

  @ParameterizedTest(name = "{0}: \"{2}\" -> \"{3}\"")
  @MethodSource("textCases")
  void rewritesText(String op, FieldOp fieldOp, String in, String expected) {
    assertThat(fieldOp.apply(in)).isEqualTo(expected);
  }

  @Test
  void returnsTheSameStringWhenNothingChanges() {
    String s = "John O'Brien";
    assertThat(FieldOp.trim().apply(s)).isSameAs(s);
    assertThat(FieldOp.collapseWhitespace().apply(s)).isSameAs(s);
    assertThat(FieldOp.titleCaseWords().apply(s)).isSameAs(s);
  }

  @Test
  void leavesValuesThatAreNotTextAlone() {
    for (FieldOp op : List.of(FieldOp.trim(), FieldOp.lowerCase(), FieldOp.upperCase(), FieldOp.collapseWhitespace(),
        FieldOp.titleCaseWords(), FieldOp.mapValues(Map.of("1", "one")), FieldOp.parseDate(List.of("yyyy-MM-dd")))) {
      assertThat(op.apply(1L)).isEqualTo(1L);
      assertThat(op.apply(null)).isNull();
      assertThat(op.apply(true)).isEqualTo(true);
    }
  }

  @Test
  void mapsValuesIgnoringCaseAndKeepsUnmappedOnes() {
    FieldOp dept = FieldOp.mapValues(Map.of("eng", "Engineering", "Human Resources", "HR"));
    assertThat(dept.apply("ENG")).isEqualTo("Engineering");
    assertThat(dept.apply("human RESOURCES")).isEqualTo("HR");
    assertThat(dept.apply("Legal")).isEqualTo("Legal");
  }

  @Test
  void refusesATableWithOneKeyTwiceIgnoringCase() {
    assertThatThrownBy(() -> FieldOp.mapValues(Map.of("eng", "Engineering", "ENG", "Other")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching("value table has '(eng|ENG)' twice, ignoring case, with different values");
  }

  static Stream<Arguments> integerCases() {
    return Stream.of(
        Arguments.of("30", 30L), Arguments.of("+12", 12L), Arguments.of("-5", -5L), Arguments.of("007", 7L),
        Arguments.of("9223372036854775807", Long.MAX_VALUE),
        Arguments.of("9223372036854775808", "9223372036854775808"),
        Arguments.of("30.5", "30.5"), Arguments.of("thirty", "thirty"), Arguments.of("", ""), Arguments.of("+", "+"),
        Arguments.of(" 30\t", 30L), Arguments.of(" 3 0 ", " 3 0 "), Arguments.of("3O", "3O"), Arguments.of("٣", "٣"),
        Arguments.of(30L, 30L), Arguments.of(30.0, 30L), Arguments.of(new BigDecimal("30.00"), 30L),
        Arguments.of(30.5, 30.5));
  }

  @ParameterizedTest(name = "integer: {0} -> {1}")
  @MethodSource("integerCases")
  void parsesIntegers(Object in, Object expected) {
    assertThat(FieldOp.parseInteger().apply(in)).isEqualTo(expected);
  }

  static Stream<Arguments> decimalCases() {
    return Stream.of(
        Arguments.of("$75,000", new BigDecimal("75000")),
        Arguments.of(" $75,000.50 ", new BigDecimal("75000.50")),
        Arguments.of("$ 1,000,000.01", new BigDecimal("1000000.01")),
        Arguments.of("$-1,200", new BigDecimal("-1200")),
        Arguments.of(".5", new BigDecimal("0.5")),
        Arguments.of("75k", "75k"), Arguments.of("12.5.0", "12.5.0"), Arguments.of("$", "$"), Arguments.of("", ""),
        Arguments.of("1e5", new BigDecimal("1E+5")), Arguments.of("$7.5E+4", new BigDecimal("7.5E+4")),
        Arguments.of("2.5e-1", new BigDecimal("0.25")), Arguments.of("1e1000", "1e1000"), Arguments.of("1e", "1e"),
        Arguments.of("e5", "e5"), Arguments.of("1e5.5", "1e5.5"), Arguments.of("N/A", "N/A"),
        Arguments.of(75000L, new BigDecimal("75000")), Arguments.of(75000.5, new BigDecimal("75000.5")));
  }

  @ParameterizedTest(name = "decimal: {0} -> {1}")
  @MethodSource("decimalCases")
  void parsesDecimalsAfterStrippingCharacters(Object in, Object expected) {
    assertThat(FieldOp.parseDecimal("$,").apply(in)).isEqualTo(expected);
  }

  static Stream<Arguments> booleanCases() {
    return Stream.of(
        Arguments.of("true", true), Arguments.of(" Yes ", true), Arguments.of("Y", true), Arguments.of("1", true),
        Arguments.of("ACTIVE", true), Arguments.of("false", false), Arguments.of("n", false), Arguments.of("0", false),
        Arguments.of("Inactive", false), Arguments.of("maybe", "maybe"), Arguments.of("", ""), Arguments.of("t", "t"),
        Arguments.of(true, true), Arguments.of(1L, 1L));
  }

  @ParameterizedTest(name = "boolean: {0} -> {1}")
  @MethodSource("booleanCases")
  void parsesBooleansFromConfiguredWords(Object in, Object expected) {
    FieldOp op = FieldOp.parseBoolean(List.of("true", "1", "yes", "y", "active"), List.of("false", "0", "no", "n", "inactive"));
    assertThat(op.apply(in)).isEqualTo(expected);
  }

  @Test
  void refusesAWordForBothTrueAndFalse() {
    assertThatThrownBy(() -> FieldOp.parseBoolean(List.of("yes"), List.of("YES")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'YES' cannot mean both true and false");
  }

  static Stream<Arguments> dateCases() {
    return Stream.of(
        Arguments.of("2023-01-15", LocalDate.of(2023, 1, 15)),
        Arguments.of(" 2023/01/15 ", LocalDate.of(2023, 1, 15)),
        Arguments.of("2024-02-29", LocalDate.of(2024, 2, 29)),
        Arguments.of("2023-01-15T09:30:00Z", LocalDate.of(2023, 1, 15)),
        Arguments.of("2023-01-15T23:59:59.123Z", LocalDate.of(2023, 1, 15)),
        Arguments.of("2023-01-15T00:00:00+02:00", LocalDate.of(2023, 1, 15)),
        Arguments.of("2023-01-15T17:05:42", LocalDate.of(2023, 1, 15)),
        Arguments.of("2023-02-30", "2023-02-30"), Arguments.of("2023-02-29", "2023-02-29"),
        Arguments.of("2023-13-01", "2023-13-01"), Arguments.of("2023/00/10", "2023/00/10"),
        Arguments.of("15/01/2023", "15/01/2023"), Arguments.of("01-15-2023", "01-15-2023"),
        Arguments.of("2023-1-5", "2023-1-5"), Arguments.of("2023-01-15T25:00:00Z", "2023-01-15T25:00:00Z"),
        Arguments.of("2023-01-15 09:30", "2023-01-15 09:30"), Arguments.of("not-a-date", "not-a-date"),
        Arguments.of("", ""));
  }

  @ParameterizedTest(name = "date: {0} -> {1}")
  @MethodSource("dateCases")
  void parsesDatesStrictlyWithTheFirstFormatThatFits(String in, Object expected) {
    FieldOp op = FieldOp.parseDate(List.of("yyyy-MM-dd", "yyyy/MM/dd", "ISO_DATE_TIME"));
    assertThat(op.apply(in)).isEqualTo(expected);
  }

  @Test
  void parsesDatesWithAnyPattern() {
    FieldOp op = FieldOp.parseDate(List.of("dd.MM.yyyy", "d MMM yyyy"));
    assertThat(op.apply("15.01.2023")).isEqualTo(LocalDate.of(2023, 1, 15));
    assertThat(op.apply("5 Jan 2023")).isEqualTo(LocalDate.of(2023, 1, 5));
    assertThat(op.apply("31.04.2023")).isEqualTo("31.04.2023");
  }

  @Test
  void readsEveryDateTimeFormatterConstantThatCarriesADate() {
    Map<String, String> samples = Map.of(
        "ISO_OFFSET_DATE", "2012-12-03+01:00", "ISO_ZONED_DATE_TIME", "2012-12-03T10:15:30+01:00[Europe/Paris]",
        "ISO_ORDINAL_DATE", "2012-338", "ISO_WEEK_DATE", "2012-W49-1", "RFC_1123_DATE_TIME", "Mon, 3 Dec 2012 10:15:30 GMT",
        "BASIC_ISO_DATE", "20121203");
    samples.forEach((constant, text) ->
        assertThat(FieldOp.parseDate(List.of(constant)).apply(text)).as(constant).isEqualTo(LocalDate.of(2012, 12, 3)));
    assertThatThrownBy(() -> FieldOp.parseDate(List.of("ISO_INSTANT")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad date format 'ISO_INSTANT': not a pattern, nor one of the constants ISO_LOCAL_DATE,");
  }

  @Test
  void refusesABadDatePattern() {
    assertThatThrownBy(() -> FieldOp.parseDate(List.of("yyyy-bb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad date format 'yyyy-bb': ");
  }

  @ParameterizedTest(name = "no date in {0}")
  @ValueSource(strings = {"HH:mm", "yyyy", "MM-dd", "'date'", "42"})
  void refusesAPatternThatCannotGiveADate(String pattern) {
    assertThatThrownBy(() -> FieldOp.parseDate(List.of("yyyy-MM-dd", pattern)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad date format '" + pattern
            + "': it cannot give a date (it needs a year and a month and day, a day of the year or a week date)");
  }

  @Test
  void acceptsPatternsThatGiveADateWithOtherFieldsBeside() {
    FieldOp op = FieldOp.parseDate(List.of("yyyy-MM-dd HH:mm VV", "EEE, d MMM yy", "uuuu-DDD", "YYYY-'W'ww-e"));
    assertThat(op.apply("2023-01-15 09:30 Europe/Paris")).isEqualTo(LocalDate.of(2023, 1, 15));
    assertThat(op.apply("Sun, 15 Jan 23")).isEqualTo(LocalDate.of(2023, 1, 15));
    assertThat(op.apply("2023-015")).isEqualTo(LocalDate.of(2023, 1, 15));
  }

  @Test
  void parsesTimestampsWithAndWithoutOffset() {
    FieldOp op = FieldOp.parseTimestamp(ZoneId.of("Europe/Paris"));
    assertThat(op.apply("2023-01-15T09:30:00Z")).isEqualTo(Instant.parse("2023-01-15T09:30:00Z"));
    assertThat(op.apply("2023-01-15T09:30:00+02:00")).isEqualTo(Instant.parse("2023-01-15T07:30:00Z"));
    assertThat(op.apply("2023-01-15T09:30:00")).isEqualTo(Instant.parse("2023-01-15T08:30:00Z"));
    assertThat(op.apply("2023-01-15")).isEqualTo(Instant.parse("2023-01-14T23:00:00Z"));
    assertThat(op.apply("yesterday")).isEqualTo("yesterday");
    assertThat(FieldOp.parseTimestamp(ZoneOffset.UTC).apply("2023-02-30T00:00:00Z")).isEqualTo("2023-02-30T00:00:00Z");
  }

  static Stream<Arguments> numberToTextCases() {
    return Stream.of(
        Arguments.of(42L, "42"), Arguments.of(42.0, "42"), Arguments.of(42.5, "42.5"),
        Arguments.of(new BigDecimal("1E+3"), "1000"), Arguments.of(new BigDecimal("0.000"), "0"),
        Arguments.of("42", "42"), Arguments.of(true, true));
  }

  @ParameterizedTest(name = "numberToText: {0} -> {1}")
  @MethodSource("numberToTextCases")
  void writesNumbersAsPlainDecimalText(Object in, Object expected) {
    assertThat(FieldOp.numberToText().apply(in)).isEqualTo(expected);
  }

  @Test
  void chainsOpsInOrder() {
    FieldOp name = FieldOp.trim().andThen(FieldOp.collapseWhitespace()).andThen(FieldOp.titleCaseWords());
    assertThat(name.apply("  john   o'brien ")).isEqualTo("John O'Brien");
  }
}
