package dev.etlkit.sinks.postgres;

import dev.etlkit.api.Record;
import dev.etlkit.internal.SqlStates;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads batches over one connection, each in one transaction: {@code COPY} into the table (insert) or
 * into a session's staging table followed by one {@code INSERT ... SELECT ... ON CONFLICT} (upsert).
 *
 * <p>An upsert first tries the batch as a plain {@code COPY} into the table: when none of its keys
 * exist yet (an initial load) that is all it takes, at insert speed, and it means the same as the
 * upsert. If a row conflicts, the batch goes through the staging table, and so do the next
 * {@value #STAGED_AFTER_CONFLICT} batches before the shortcut is tried again; each time it fails again the
 * wait doubles (up to {@value #MOST_STAGED_AFTER_CONFLICT} batches), so that an upsert into a full table
 * hardly ever sends a batch twice, and it is back to 16 after a batch the shortcut loaded.
 *
 * <p>A batch that is a single {@code COPY} (an insert that keeps no load log, or the upsert's shortcut)
 * runs in autocommit mode: the statement is atomic by itself, and the {@code BEGIN} and {@code COMMIT}
 * round trips of an explicit transaction would cost a fast load a tenth of its time. Everything else
 * runs in one explicit transaction per batch.
 *
 * <p>When a batch fails on a row's data, the transaction is rolled back and the batch is split in
 * halves, each tried under a savepoint, recursively, until the bad rows stand alone; they are reported
 * with the server's message and the rest commits in the same single transaction. So a batch either
 * commits whole (minus its bad rows) or leaves nothing behind, whatever fails when.
 */
final class BatchLoader implements AutoCloseable {

  private final Connection connection;
  private final LoadPlan plan;
  private final CopyManager copyApi;
  private final String copySql;
  private final @Nullable String stage;
  private final @Nullable String upsertSql;
  private static final int STAGED_AFTER_CONFLICT = 16;
  private static final int MOST_STAGED_AFTER_CONFLICT = 1024;

  private final String directCopySql;
  private final CopyWriter writer;
  private int stagedBatchesLeft;
  private int stagedAfterConflict = STAGED_AFTER_CONFLICT;

  private BatchLoader(Connection connection, LoadPlan plan, @Nullable String stage) throws SQLException {
    this.connection = connection;
    this.plan = plan;
    this.copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
    this.stage = stage;
    this.copySql = plan.copySql(stage == null ? plan.into().sql() : stage);
    this.directCopySql = plan.copySql(plan.into().sql());
    this.upsertSql = stage == null ? null : plan.upsertSql(stage);
    this.writer = new CopyWriter(plan.bindings());
  }

  /** Takes over {@code connection}: for upserts, makes the staging table. */
  static BatchLoader open(Connection connection, LoadPlan plan) throws SQLException {
    connection.setAutoCommit(false);
    String stage = null;
    if (plan.upsert()) {
      stage = TableName.quote("etl_stage_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
      try (Statement s = connection.createStatement()) {
        s.execute(plan.createStageSql(stage));
        // The plain-COPY shortcut is an upsert only if the key is unique; the planner checks that
        // (SQLState 42P10 when no unique index matches) without running anything.
        s.execute("EXPLAIN " + plan.upsertSql(stage));
      }
      connection.commit();
    }
    return new BatchLoader(connection, plan, stage);
  }

  /**
   * Loads {@code items[rows[i]]} for every i in one transaction; bad rows go into {@code rejected}
   * (item index → message) and are not loaded. Throws for anything that is not a row's fault, with
   * the transaction rolled back.
   */
  void load(List<Record> items, int[] rows, Map<Integer, RowRejection> rejected) throws SQLException {
    load(items, rows, rejected, null);
  }

  /**
   * As {@link #load(List, int[], Map)}, and runs {@code beforeCommit} in the batch's transaction once the
   * rows are in and the bad ones known, so that what it writes commits with them or not at all.
   */
  void load(List<Record> items, int[] rows, Map<Integer, RowRejection> rejected, @Nullable BeforeCommit beforeCommit)
      throws SQLException {
    SQLException failure = null;
    if (beforeCommit != null) {
      // no autocommit shortcut: the batch's transaction holds more than its COPY
    } else if (stage == null) {
      failure = copyAlone(items, rows);
      if (failure == null) {
        return;
      }
    } else if (stagedBatchesLeft > 0) {
      stagedBatchesLeft--;
    } else if (copyAlone(items, rows) == null) {
      stagedAfterConflict = STAGED_AFTER_CONFLICT;
      return;
    } else {
      // a key exists already: stage the next batches too, rather than trying each twice
      stagedBatchesLeft = stagedAfterConflict;
      stagedAfterConflict = Math.min(2 * stagedAfterConflict, MOST_STAGED_AFTER_CONFLICT);
    }
    connection.setAutoCommit(false);
    if (failure == null) {
      try {
        attempt(items, rows, 0, rows.length);
      } catch (SQLException e) {
        rollbackAfter(e);
        if (!SqlStates.isDataError(e)) {
          throw e;
        }
        failure = e;
      }
    }
    if (failure != null) {
      isolate(items, rows, 0, rows.length, failure, rejected);
    }
    if (beforeCommit != null) {
      beforeCommit.run(connection, rejected);
    }
    connection.commit();
  }

  /** Work that joins a batch's transaction before it commits. */
  interface BeforeCommit {
    /** Runs with the batch's rows loaded; {@code rejected} holds the refused ones by item index. */
    void run(Connection connection, Map<Integer, RowRejection> rejected) throws SQLException;
  }

  /**
   * Loads the batch with one {@code COPY} into the table, in autocommit mode; returns the data error
   * that failed it (nothing is loaded then, the statement being atomic), or null when it loaded.
   */
  private @Nullable SQLException copyAlone(List<Record> items, int[] rows) throws SQLException {
    connection.setAutoCommit(true);
    try {
      copy(items, rows, 0, rows.length, directCopySql);
      return null;
    } catch (SQLException e) {
      if (!SqlStates.isDataError(e)) {
        throw e;
      }
      return e;
    }
  }

  /** {@code rows[from, to)} failed with {@code failure}: find the bad rows by halving. */
  private void isolate(List<Record> items, int[] rows, int from, int to, SQLException failure,
      Map<Integer, RowRejection> rejected) throws SQLException {
    if (to - from == 1) {
      rejected.put(rows[from], new RowRejection(SqlFaults.message(failure),
          SqlFaults.violations(failure, plan, items.get(rows[from]))));
      return;
    }
    int mid = (from + to) >>> 1;
    SQLException left = trySavepoint(items, rows, from, mid);
    if (left != null) {
      isolate(items, rows, from, mid, left, rejected);
    }
    SQLException right = trySavepoint(items, rows, mid, to);
    if (right != null) {
      isolate(items, rows, mid, to, right, rejected);
    }
  }

  /**
   * Rolls back after {@code failure}. A failure that killed the connection (57P01, 08xxx) leaves one
   * that cannot roll back ("Connection is closed", no SQLState): the failure is still what to report,
   * so that a lost connection is retried rather than taken for a fatal error.
   */
  private void rollbackAfter(SQLException failure) throws SQLException {
    try {
      connection.rollback();
    } catch (SQLException rollback) {
      failure.addSuppressed(rollback);
      throw failure;
    }
  }

  /** Loads a range under a savepoint; returns the data error that undid it, or null when it loaded. */
  private @Nullable SQLException trySavepoint(List<Record> items, int[] rows, int from, int to)
      throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try {
      attempt(items, rows, from, to);
      if (stage != null) {
        try (Statement s = connection.createStatement()) {
          s.execute("TRUNCATE " + stage);
        }
      }
      connection.releaseSavepoint(savepoint);
      return null;
    } catch (SQLException e) {
      if (!SqlStates.isDataError(e)) {
        throw e;
      }
      connection.rollback(savepoint);
      return e;
    }
  }

  private void attempt(List<Record> items, int[] rows, int from, int to) throws SQLException {
    copy(items, rows, from, to, copySql);
    if (upsertSql != null) {
      try (Statement s = connection.createStatement()) {
        s.executeUpdate(upsertSql);
      }
    }
  }

  private void copy(List<Record> items, int[] rows, int from, int to, String sql) throws SQLException {
    writer.copy(copyApi, sql, items, rows, from, to);
  }

  /** Drops the staging table and gives the connection back; quietly, as the connection may be dead. */
  @Override
  public void close() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      if (stage != null) {
        try (Statement s = connection.createStatement()) {
          s.execute("DROP TABLE IF EXISTS " + stage);
        }
      }
    } catch (SQLException e) {
      // A lost connection has no staging table left to drop.
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing more to release.
    }
  }
}
