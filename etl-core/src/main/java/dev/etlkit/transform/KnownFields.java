package dev.etlkit.transform;

import dev.etlkit.api.Record;
import java.util.List;

/** Drops unknown fields, as the seed's {@code stripUnknown}: known ones are kept in the known order. */
final class KnownFields {

  private final String[] names;

  KnownFields(List<String> names) {
    this.names = names.stream().map(String::intern).toArray(String[]::new);
  }

  /** The record with only the known fields that it has, in the known order; itself when that is what it is. */
  Record keepOnly(Record record) {
    int next = 0;
    boolean inOrder = true;
    for (int i = 0; i < record.size() && inOrder; i++) {
      int known = indexOf(record.nameAt(i));
      if (known >= 0) {
        inOrder = known >= next;
        next = known + 1;
      }
    }
    if (inOrder) {
      // without() keeps the other values as they are; a builder would copy nested maps and lists again
      Record kept = record;
      for (int i = record.size() - 1; i >= 0; i--) {
        if (indexOf(record.nameAt(i)) < 0) {
          kept = kept.without(record.nameAt(i));
        }
      }
      return kept;
    }
    Record.Builder b = Record.builder(names.length);
    for (String name : names) {
      if (record.has(name)) {
        b.put(name, record.get(name));
      }
    }
    return b.build();
  }

  private int indexOf(String name) {
    // field names are mostly interned (record layouts, literals): references first
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
