package dev.etlkit;

import dev.etlkit.api.Origin;
import dev.etlkit.api.Record;
import dev.etlkit.api.Violation;
import dev.etlkit.internal.PlainJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One record that was not written, and why: where it came from, the step that rejected it, the
 * message and every rule it broke.
 *
 * @param origin the source and position of the input item
 * @param step the step that rejected it: {@code read} (the source could not parse it), a transformer's name,
 *     or {@code sink 'name'}
 * @param message what is wrong, for people
 * @param violations every failed rule (field + message); empty when the failure is not about fields
 * @param raw the item as read (a {@link Record}, or the raw text of a row that could not be parsed)
 */
public record RejectedRecord(Origin origin, String step, String message, List<Violation> violations, @Nullable Object raw) {

  public RejectedRecord {
    violations = List.copyOf(violations);
  }

  /**
   * This rejection as a dead-letter record: {@code runId, source, position, step, message,
   * violations: [{field, rule, message}], record}. Read back with a JSON source and
   * {@link DeadLetters#unwrap()} to replay the raw records after a fix.
   */
  public Record toDeadLetter(String runId) {
    List<Map<String, Object>> vs = new ArrayList<>(violations.size());
    for (Violation v : violations) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", v.field());
      m.put("rule", v.rule());
      m.put("message", v.message());
      vs.add(m);
    }
    return Record.builder(8)
        .put("runId", runId)
        .put("source", origin.source())
        .put("position", origin.position().description())
        .put("step", step)
        .put("message", message)
        .put("violations", vs)
        .put("record", rawValue())
        .build();
  }

  /**
   * What the dead letter's "record" holds; a record becomes a map when it is put (one copy, not two). A
   * JSON number, boolean or array that was no object stays one, so that {@code 5} and {@code "5"} differ.
   */
  private @Nullable Object rawValue() {
    return PlainJson.isRawItem(raw) ? raw : raw.toString();
  }

  /** "validate rejected employees.csv line 42: age: must be between 16 and 100". */
  @Override
  public String toString() {
    return step + " rejected " + origin + ": " + message;
  }
}
