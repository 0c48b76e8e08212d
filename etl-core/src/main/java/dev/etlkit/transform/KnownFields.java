package dev.etlkit.transform;

import dev.etlkit.api.Record;
import java.util.List;

/** Drops unknown fields, as the seed's {@code stripUnknown}: known ones are kept in the known order. */
final class KnownFields {

  private final String[] names;

  KnownFields(List<String> names) {
    this.names = names.toArray(new String[0]);
  }

  /** The record with only the known fields that it has, in the known order; itself when that is what it is. */
  Record keepOnly(Record record) {
    int kept = 0;
    boolean same = true;
    for (String name : names) {
      if (record.has(name)) {
        same &= kept < record.size() && record.nameAt(kept).equals(name);
        kept++;
      }
    }
    if (same && kept == record.size()) {
      return record;
    }
    Record.Builder b = Record.builder(kept);
    for (String name : names) {
      if (record.has(name)) {
        b.put(name, record.get(name));
      }
    }
    return b.build();
  }
}
