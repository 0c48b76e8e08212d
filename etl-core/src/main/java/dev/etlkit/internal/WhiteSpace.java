package dev.etlkit.internal;

/**
 * White space as JavaScript's {@code \s} sees it (Java white space plus the no-break spaces): one notion
 * of space for trimming, for the "required" check and for the quality report's "empty".
 */
public final class WhiteSpace {

  private WhiteSpace() {
  }

  /** Whether {@code c} is white space. */
  public static boolean isSpace(char c) {
    if (c < 128) {
      return c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1C && c <= 0x1F;
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Whether {@code s} is empty or only white space. */
  public static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
