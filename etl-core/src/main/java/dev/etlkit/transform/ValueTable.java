package dev.etlkit.transform;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link FieldOp#mapValues}: a lookup table with lower-cased keys. */
final class ValueTable implements FieldOp {

  private final Map<String, Object> table;

  ValueTable(Map<String, ?> entries) {
    table = new HashMap<>(entries.size() * 2);
    entries.forEach((k, v) -> {
      if (v == null) {
        throw new IllegalArgumentException("value table entry '" + k + "' maps to null");
      }
      Object previous = table.put(k.toLowerCase(Locale.ROOT), v);
      if (previous != null && !previous.equals(v)) {
        throw new IllegalArgumentException("value table has '" + k + "' twice, ignoring case, with different values");
      }
    });
  }

  @Override
  public @Nullable Object apply(@Nullable Object value) {
    if (value instanceof String s) {
      Object mapped = table.get(s.toLowerCase(Locale.ROOT));
      return mapped == null ? s : mapped;
    }
    return value;
  }
}
