package dev.etlkit.sinks.postgres;

import dev.etlkit.api.Record;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one sink loads and the SQL that does it: the bound columns, the key an upsert matches on
 * (empty for plain inserts) and the columns an upsert sets on update.
 *
 * @param into the table rows go into (the new table in replace mode)
 * @param bindings the loaded columns
 * @param key the key columns of an upsert; empty to insert
 * @param onUpdate column → SQL expression set when an upsert updates a row
 */
record LoadPlan(TableName into, List<Binding> bindings, List<String> key, Map<String, String> onUpdate) {

  boolean upsert() {
    return !key.isEmpty();
  }

  /** Positions of the key columns among the bindings. */
  int[] keyIndexes() {
    int[] idx = new int[key.size()];
    for (int k = 0; k < idx.length; k++) {
      for (int i = 0; i < bindings.size(); i++) {
        if (bindings.get(i).column().equals(key.get(k))) {
          idx[k] = i;
        }
      }
    }
    return idx;
  }

  String columnList() {
    return bindings.stream().map(b -> TableName.quote(b.column())).collect(Collectors.joining(", "));
  }

  String copySql(String table) {
    return "COPY " + table + " (" + columnList() + ") FROM STDIN";
  }

  /** A session's staging table: the loaded columns' types without constraints, emptied by each commit. */
  String createStageSql(String stage) {
    return "CREATE TEMP TABLE " + stage + " ON COMMIT DELETE ROWS AS SELECT " + columnList() + " FROM " + into.sql()
        + " WITH NO DATA";
  }

  String upsertSql(String stage) {
    String cols = columnList();
    String keys = key.stream().map(TableName::quote).collect(Collectors.joining(", "));
    List<String> sets = new java.util.ArrayList<>();
    for (Binding b : bindings) {
      if (!key.contains(b.column()) && !onUpdate.containsKey(b.column())) {
        sets.add(TableName.quote(b.column()) + " = EXCLUDED." + TableName.quote(b.column()));
      }
    }
    onUpdate.forEach((column, sql) -> sets.add(TableName.quote(column) + " = " + sql));
    String action = sets.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + String.join(", ", sets);
    return "INSERT INTO " + into.sql() + " (" + cols + ") SELECT " + cols + " FROM " + stage
        + " ON CONFLICT (" + keys + ") " + action;
  }

  /**
   * Every row, except that an upsert keeps only the last of rows sharing a key: two in one
   * {@code INSERT ... ON CONFLICT DO UPDATE} would fail ("cannot affect row a second time"), and the
   * last one winning is what separate batches would give.
   */
  int[] rowsToLoad(List<Record> items) {
    int n = items.size();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    if (!upsert() || n == 1) {
      return all;
    }
    int[] keyIndexes = keyIndexes();
    Map<String, Integer> last = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      last.put(CopyText.key(items.get(i), bindings, keyIndexes), i);
    }
    if (last.size() == n) {
      return all;
    }
    boolean[] keep = new boolean[n];
    last.values().forEach(i -> keep[i] = true);
    int[] rows = new int[last.size()];
    for (int i = 0, j = 0; i < n; i++) {
      if (keep[i]) {
        rows[j++] = i;
      }
    }
    return rows;
  }
}
