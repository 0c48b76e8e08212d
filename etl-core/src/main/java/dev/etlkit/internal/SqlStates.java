package dev.etlkit.internal;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * What a failed SQL statement means, by its SQLState: one row's or one key's data is at fault, the
 * fault is of the moment and worth retrying, or neither (a missing table, a wrong query, no permission),
 * which no retry and no other row will mend. Shared by the PostgreSQL sink and JDBC lookups.
 */
public final class SqlStates {

  /** Serialization failure, deadlock, server shutting down or starting, too many connections. */
  private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "57P01", "57P02", "57P03", "53300");

  private SqlStates() {
  }

  /**
   * The data is at fault (class 22 data exception, class 23 integrity constraint violation, or 21000
   * when one upsert touches a row twice).
   */
  public static boolean isDataError(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("22") || state.startsWith("23") || state.equals("21000"));
  }

  /** The connection or the transaction failed for reasons of the moment: try again. */
  public static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientException || e instanceof SQLRecoverableException
        || state != null && (state.startsWith("08") || TRANSIENT.contains(state));
  }
}
