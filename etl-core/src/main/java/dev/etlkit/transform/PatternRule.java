package dev.etlkit.transform;

import dev.etlkit.api.Violation;
import java.time.Clock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Text that matches a regular expression as a whole. */
final class PatternRule implements Rule {

  private final Pattern pattern;

  PatternRule(String regex) {
    this.pattern = Pattern.compile(regex);
  }

  @Override
  public @Nullable Violation check(String field, Object value, Clock clock) {
    if (pattern.matcher((String) value).matches()) {
      return null;
    }
    return new Violation(field, "pattern", Violations.withValue("must match " + pattern.pattern(), value));
  }

  @Override
  public ValueType type() {
    return ValueType.STRING;
  }

  @Override
  public String description() {
    return "matches " + pattern.pattern();
  }
}
