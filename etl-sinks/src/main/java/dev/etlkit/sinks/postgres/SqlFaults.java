package dev.etlkit.sinks.postgres;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Tells what a failed statement means for the batch: a bad row, a fault worth retrying, or neither. */
final class SqlFaults {

  /** Serialization failure, deadlock, server shutting down or starting, too many connections. */
  private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "57P01", "57P02", "57P03", "53300");

  private SqlFaults() {
  }

  /**
   * A row's data is at fault (class 22 data exception, class 23 integrity constraint violation, or
   * 21000 when one upsert touches a row twice): the batch is split to find the row.
   */
  static boolean isDataError(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("22") || state.startsWith("23") || state.equals("21000"));
  }

  /** The connection or the transaction failed for reasons of the moment: try the batch again. */
  static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientException || e instanceof SQLRecoverableException
        || state != null && (state.startsWith("08") || TRANSIENT.contains(state));
  }

  /** The server's message and detail: {@code duplicate key value violates ...: Key (email)=(a@b.c) already exists.} */
  static String message(SQLException e) {
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage server = p.getServerErrorMessage();
      String message = String.valueOf(server.getMessage());
      String detail = server.getDetail();
      return detail == null || detail.isEmpty() ? message : message + ": " + detail;
    }
    return PostgresUrl.redact(String.valueOf(e.getMessage()));
  }

  /** The message with the SQL state, for errors that fail or retry the batch. */
  static String describe(SQLException e) {
    String state = e.getSQLState();
    return message(e) + (state == null ? "" : " (SQLState " + state + ")");
  }
}
