package dev.etlkit.sinks.postgres;

import dev.etlkit.api.Record;
import dev.etlkit.api.Violation;
import dev.etlkit.internal.PlainJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The batches an inserting sink committed, each entry written in its batch's own transaction. A batch
 * committed after the last checkpoint is delivered again when the run resumes; inserted twice it would
 * double its rows (or, with a key, have them refused as duplicates). With the log the sink knows which
 * items are in the table already, and what the database refused among them.
 *
 * <p>Items are numbered in the order the sink receives them over the whole run; an entry covers the items
 * {@code [first_item, first_item + items)} and holds the rejections among them as JSON. The table is
 * {@value #TABLE} in the loaded table's schema, shared by all sinks and runs; a run's entries are deleted
 * when it completes.
 */
final class LoadLog {

  static final String TABLE = "etl_load_log";

  private final TableName log;
  private final String runId;
  private final String destination;

  private LoadLog(TableName log, String runId, String destination) {
    this.log = log;
    this.runId = runId;
    this.destination = destination;
  }

  /**
   * The log for loading {@code target} in run {@code runId}, its table created if absent; null when the
   * user may not create it or may not read, write and delete its entries.
   */
  static @Nullable LoadLog openOrNull(Connection c, TableName target, String runId) throws SQLException {
    TableName log = new TableName(target.schema(), TABLE);
    try (Statement s = c.createStatement()) {
      if (!exists(s, log)) {
        if (!canCreateIn(s, target)) {
          return null;
        }
        s.execute("CREATE TABLE IF NOT EXISTS " + log.sql() + " (run_id text NOT NULL, destination text NOT NULL,"
            + " first_item bigint NOT NULL, items integer NOT NULL, rejected text NOT NULL,"
            + " committed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (run_id, destination, first_item))");
      } else if (!mayUse(s, log)) {
        return null;
      }
    }
    return new LoadLog(log, runId, target.toString());
  }

  /** The log's table, for messages. */
  TableName table() {
    return log;
  }

  /** What earlier attempts of the run committed from item {@code from} on. */
  Committed committedFrom(Connection c, long from) throws SQLException {
    long until = from;
    Map<Long, RowRejection> rejected = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT first_item, items, rejected FROM " + log.sql()
        + " WHERE run_id = ? AND destination = ? AND first_item + items > ? ORDER BY first_item")) {
      s.setString(1, runId);
      s.setString(2, destination);
      s.setLong(3, from);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          until = Math.max(until, rs.getLong(1) + rs.getInt(2));
          rejected.putAll(rejections(rs.getString(3)));
        }
      }
    }
    return new Committed(until, rejected);
  }

  /**
   * Records, in the transaction of the batch that loads them, that items {@code [first, first + count)}
   * are committed; {@code rejected} maps an item's number to why the database refused it.
   */
  void record(Connection c, long first, int count, Map<Long, RowRejection> rejected) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + log.sql()
        + " (run_id, destination, first_item, items, rejected) VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, runId);
      s.setString(2, destination);
      s.setLong(3, first);
      s.setInt(4, count);
      s.setString(5, json(rejected));
      s.executeUpdate();
    }
  }

  /** Deletes the run's entries: a completed run is never resumed. */
  void forget(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + log.sql() + " WHERE run_id = ? AND destination = ?")) {
      s.setString(1, runId);
      s.setString(2, destination);
      s.executeUpdate();
    }
  }

  /**
   * Items committed by earlier attempts.
   *
   * @param until the number of the first item not known to be committed
   * @param rejected the rejections among the committed items, by item number
   */
  record Committed(long until, Map<Long, RowRejection> rejected) {
  }

  private static boolean exists(Statement s, TableName table) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT to_regclass(" + literal(table.sql()) + ") IS NOT NULL")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  // CREATE TABLE IF NOT EXISTS fails on a schema the user may not create in, even where the table exists
  private static boolean canCreateIn(Statement s, TableName target) throws SQLException {
    String schema = target.schema() == null ? "current_schema()" : literal(target.schema());
    try (ResultSet rs = s.executeQuery("SELECT has_schema_privilege(" + schema + ", 'CREATE')")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static boolean mayUse(Statement s, TableName log) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT has_table_privilege(" + literal(log.sql()) + ", 'SELECT, INSERT, DELETE')")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String json(Map<Long, RowRejection> rejected) {
    List<Object> entries = new ArrayList<>(rejected.size());
    rejected.forEach((item, why) -> {
      List<Object> violations = new ArrayList<>();
      for (Violation v : why.violations()) {
        violations.add(Record.of("field", v.field(), "rule", v.rule(), "message", v.message()));
      }
      entries.add(Record.of("item", item, "message", why.message(), "violations", violations));
    });
    return new String(PlainJson.toBytes(entries), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private Map<Long, RowRejection> rejections(String json) throws SQLException {
    Map<Long, RowRejection> out = new HashMap<>();
    try {
      for (Map<String, Object> entry : (List<Map<String, Object>>) PlainJson.parse(json.getBytes(StandardCharsets.UTF_8))) {
        List<Violation> violations = new ArrayList<>();
        for (Map<String, String> v : (List<Map<String, String>>) entry.get("violations")) {
          violations.add(new Violation(v.get("field"), v.get("rule"), v.get("message")));
        }
        out.put((Long) entry.get("item"), new RowRejection((String) entry.get("message"), violations));
      }
    } catch (IOException | RuntimeException e) {
      throw new SQLException("corrupt entry of run " + runId + " in " + log + ": " + e.getMessage(), e);
    }
    return out;
  }
}
