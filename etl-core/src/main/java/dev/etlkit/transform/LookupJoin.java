package dev.etlkit.transform;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.TransformContext;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.Violation;
import java.sql.SQLException;
import java.util.List;

/** Copies fields of a matching reference record into each record; see {@link Lookup}. */
final class LookupJoin implements Transformer<Record, Record> {

  private final String name;
  private final String keyField;
  private final ReferenceData reference;
  private final List<String> fields;
  private final boolean rejectMissing;

  LookupJoin(String name, String keyField, ReferenceData reference, List<String> fields, boolean rejectMissing) {
    this.name = name;
    this.keyField = keyField;
    this.reference = reference;
    this.fields = List.copyOf(fields);
    this.rejectMissing = rejectMissing;
  }

  /** A key as text; numbers without trailing zeros, so that 7, 7.0 and "7" meet. */
  static String keyText(Object key) {
    return key instanceof String s ? s : Text.numberToText(key).toString();
  }

  @Override
  public void open(TransformContext context) throws Exception {
    reference.open(context);
  }

  @Override
  public void transform(Record record, Emitter<Record> out) throws Exception {
    Object key = record.get(keyField);
    Record match;
    try {
      match = key == null ? null : reference.find(keyText(key));
    } catch (SQLException e) {
      // only a key the query cannot take gets here (text for an integer column): this record alone
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
      String message = "cannot be looked up in " + reference.name() + " (" + why + "), was " + Violations.describe(key);
      throw new RecordException(keyField + ": " + message, List.of(new Violation(keyField, "lookup", message)));
    }
    if (match == null) {
      if (rejectMissing) {
        String message = "has no match in " + reference.name() + ", was " + Violations.describe(key);
        throw new RecordException(keyField + ": " + message, List.of(new Violation(keyField, "lookup", message)));
      }
      out.emit(record);
      return;
    }
    Record.Builder b = record.toBuilder();
    if (fields.isEmpty()) {
      for (int i = 0; i < match.size(); i++) {
        b.put(match.nameAt(i), match.valueAt(i));
      }
    } else {
      for (String f : fields) {
        b.put(f, match.get(f));
      }
    }
    out.emit(b.build());
  }

  @Override
  public void close() throws Exception {
    reference.close();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String definition() {
    return name + " on " + keyField + " fields=" + fields + " rejectMissing=" + rejectMissing;
  }
}
