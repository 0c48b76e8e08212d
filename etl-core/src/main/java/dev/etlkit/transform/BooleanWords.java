package dev.etlkit.transform;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link FieldOp#parseBoolean}: words for true and false, matched trimmed and ignoring case. */
final class BooleanWords implements FieldOp {

  private final Map<String, Boolean> words = new HashMap<>();

  BooleanWords(Collection<String> trueWords, Collection<String> falseWords) {
    trueWords.forEach(w -> add(w, Boolean.TRUE));
    falseWords.forEach(w -> add(w, Boolean.FALSE));
  }

  private void add(String word, Boolean meaning) {
    Boolean previous = words.put(Text.trim(word).toLowerCase(Locale.ROOT), meaning);
    if (previous != null && !previous.equals(meaning)) {
      throw new IllegalArgumentException("'" + word + "' cannot mean both true and false");
    }
  }

  @Override
  public @Nullable Object apply(@Nullable Object value) {
    if (value instanceof String s) {
      Boolean b = words.get(Text.trim(s).toLowerCase(Locale.ROOT));
      return b == null ? s : b;
    }
    return value;
  }
}
