package dev.etlkit.sinks.postgres;

import dev.etlkit.api.Record;
import java.util.ArrayList;
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
 * @param checkColumns the table's check constraints by name → the columns each one reads, which the
 *     server does not name when a row breaks one
 */
record LoadPlan(TableName into, List<Binding> bindings, List<String> key, Map<String, String> onUpdate,
    Map<String, List<String>> checkColumns) {

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
   * The rows in the order to load them, as rounds loaded one after the other: all of them in one round,
   * unless an upsert meets a key more than once. Then round k holds the k-th row of each key, so that
   * the rows of one key go in as separate batches would send them: two in one
   * {@code INSERT ... ON CONFLICT DO UPDATE} would fail ("cannot affect row a second time"), the last
   * one wins, and an earlier one stays if the last is refused.
   */
  List<int[]> rounds(List<Record> items) {
    int n = items.size();
    int[] round = new int[n];
    int rounds = 1;
    if (upsert() && n > 1) {
      int[] keyIndexes = keyIndexes();
      Map<String, Integer> seen = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        round[i] = seen.merge(CopyText.key(items.get(i), bindings, keyIndexes), 1, Integer::sum) - 1;
        rounds = Math.max(rounds, round[i] + 1);
      }
    }
    List<int[]> out = new ArrayList<>(rounds);
    for (int r = 0; r < rounds; r++) {
      int size = 0;
      for (int i = 0; i < n; i++) {
        size += round[i] == r ? 1 : 0;
      }
      int[] rows = new int[size];
      for (int i = 0, j = 0; i < n; i++) {
        if (round[i] == r) {
          rows[j++] = i;
        }
      }
      out.add(rows);
    }
    return out;
  }
}
