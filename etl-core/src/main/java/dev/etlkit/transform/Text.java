package dev.etlkit.transform;

import dev.etlkit.internal.WhiteSpace;
import java.math.BigDecimal;

/** The string operations behind {@link FieldOp}; each returns its argument when nothing changes. */
final class Text {

  private Text() {
  }

  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && WhiteSpace.isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && WhiteSpace.isSpace(s.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == s.length() ? s : s.substring(start, end);
  }

  static String collapseWhitespace(String s) {
    int i = firstSpaceToRewrite(s);
    if (i < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
    boolean inSpace = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (WhiteSpace.isSpace(c)) {
        if (!inSpace) {
          sb.append(' ');
        }
        inSpace = true;
      } else {
        sb.append(c);
        inSpace = false;
      }
    }
    return sb.toString();
  }

  /** The index of the first white space that is not a lone ' ', or -1. */
  private static int firstSpaceToRewrite(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (WhiteSpace.isSpace(c) && (c != ' ' || i + 1 < s.length() && WhiteSpace.isSpace(s.charAt(i + 1)))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Upper-cases the first letter of each word, leaving other letters alone. A word starts at the
   * beginning or after a character that is neither a letter nor a digit: {@code o'brien} becomes
   * {@code O'Brien}, {@code 3rd} stays.
   */
  static String titleCaseWords(String s) {
    StringBuilder sb = null;
    boolean wordStart = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      int upper = wordStart && Character.isLetter(cp) ? Character.toUpperCase(cp) : cp;
      if (upper != cp && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (sb != null) {
        sb.appendCodePoint(upper);
      }
      if (!isCombiningMark(cp)) {
        // a combining accent belongs to the letter before it: "e\u0301mile" is one word, Émile
        wordStart = !Character.isLetterOrDigit(cp);
      }
      i += n;
    }
    return sb == null ? s : sb.toString();
  }

  private static boolean isCombiningMark(int cp) {
    if (cp < 0x300) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** A number as plain decimal text without trailing zeros ({@code 42.0 -> "42"}); other values unchanged. */
  static Object numberToText(Object value) {
    if (value instanceof Long l) {
      return l.toString();
    }
    if (value instanceof BigDecimal d) {
      return plain(d);
    }
    if (value instanceof Double d && Double.isFinite(d)) {
      return plain(BigDecimal.valueOf(d));
    }
    return value;
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  /** {@code s} without any of the characters in {@code strip}. */
  static String remove(String s, String strip) {
    if (strip.isEmpty()) {
      return s;
    }
    int i = 0;
    while (i < s.length() && strip.indexOf(s.charAt(i)) < 0) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (strip.indexOf(c) < 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
