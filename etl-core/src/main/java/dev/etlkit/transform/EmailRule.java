package dev.etlkit.transform;

import dev.etlkit.internal.WhiteSpace;
import dev.etlkit.api.Violation;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * An email address of the shape {@code local@domain.tld}: one {@code @} with text on both sides, no
 * white space, a domain without empty labels, and a last label of two or more letters after a dot. Checked by hand, without a regular
 * expression, since it runs for every record.
 */
final class EmailRule implements Rule {

  static final String MESSAGE = "must be an email address like name@example.com";

  @Override
  public @Nullable Violation check(String field, Object value, Clock clock) {
    return isEmail((String) value) ? null : new Violation(field, "email", Violations.withValue(MESSAGE, value));
  }

  @Override
  public ValueType type() {
    return ValueType.STRING;
  }

  static boolean isEmail(String s) {
    int at = s.indexOf('@');
    if (at <= 0 || s.indexOf('@', at + 1) >= 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (WhiteSpace.isSpace(s.charAt(i))) {
        return false;
      }
    }
    int dot = s.lastIndexOf('.');
    if (dot <= at + 1 || s.indexOf("..", at) >= 0) {
      return false; // the domain starts with a dot, or has an empty label (x..io)
    }
    int letters = 0;
    for (int i = dot + 1; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
      if (!Character.isLetter(s.codePointAt(i))) {
        return false;
      }
      letters++;
    }
    return letters >= 2;
  }

  @Override
  public String description() {
    return "an email address";
  }
}
