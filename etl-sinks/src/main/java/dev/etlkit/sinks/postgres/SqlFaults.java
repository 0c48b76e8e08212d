package dev.etlkit.sinks.postgres;

import dev.etlkit.internal.SqlStates;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The server's words for a failed statement, for rejections and failures (what it means: {@link SqlStates}). */
final class SqlFaults {

  private SqlFaults() {
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
