package dev.etlkit.sinks.postgres;

/** How {@link PostgresSink} puts rows into its table. */
public enum LoadMode {
  /**
   * {@code COPY} straight into the table; a row that breaks a constraint (a duplicate key) is rejected.
   * When the run can be resumed, each batch's transaction also records it in the load log
   * ({@code etl_load_log} in the table's schema), so that a batch re-delivered after a crash is not
   * inserted twice and its rejections are reported again: exactly-once effect. Without the right to
   * create or use that table the sink warns, and a re-delivered batch's rows are rejected as duplicates
   * when the table has a key, else inserted again.
   */
  INSERT,
  /**
   * {@code COPY} into a staging table, then {@code INSERT ... ON CONFLICT (key) DO UPDATE}: a row whose
   * key exists replaces it (a batch of only new keys is copied straight in). Re-delivery after a crash
   * changes nothing: exactly-once effect. The key needs a unique index.
   */
  UPSERT,
  /**
   * Load into a new table and swap it for the old one when the run completes, in one transaction: readers
   * see the old rows until then. Rows are upserted into the new table when a key is given, else inserted.
   */
  REPLACE_TABLE
}
