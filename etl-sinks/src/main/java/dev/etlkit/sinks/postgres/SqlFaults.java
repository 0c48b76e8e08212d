package dev.etlkit.sinks.postgres;

import dev.etlkit.api.Record;
import dev.etlkit.api.Violation;
import dev.etlkit.internal.Causes;
import dev.etlkit.internal.SqlStates;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The server's words for a failed statement, for rejections and failures (what it means: {@link SqlStates}). */
final class SqlFaults {

  /** A unique violation's detail: {@code Key (email)=(ann@x.io) already exists.} */
  private static final Pattern KEY_COLUMNS = Pattern.compile("Key \\((.+?)\\)=");
  /** Where a COPY met a bad value: {@code COPY employees, line 3, column join_date: "2023-02-30"}. */
  private static final Pattern COPY_COLUMN = Pattern.compile("COPY [^,]+, line \\d+, column ([^:]+):");

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

  /**
   * The rule a refused row broke, on the record field of each column the server names: the column of a
   * not-null violation or of a bad value in a COPY, the key columns of a unique violation, the columns a
   * broken check constraint reads, the fields of {@code row} holding a zero byte. Columns the sink does
   * not load and expressions ({@code lower(email)}) are left out; empty when none is left.
   */
  static List<Violation> violations(SQLException e, LoadPlan plan, Record row) {
    if (!(e instanceof PSQLException p) || p.getServerErrorMessage() == null) {
      return List.of();
    }
    if ("22021".equals(e.getSQLState())) {
      // a zero byte, which no text column holds: the server names no column, the row shows which field has one
      List<Violation> found = new ArrayList<>();
      for (Binding b : plan.bindings()) {
        if (!b.json() && row.get(b.field()) instanceof String text && text.indexOf('\u0000') >= 0) {
          found.add(new Violation(b.field(), rule(e.getSQLState()), message(e)));
        }
      }
      if (!found.isEmpty()) {
        return found;
      }
    }
    ServerErrorMessage server = p.getServerErrorMessage();
    List<String> columns = new ArrayList<>();
    if (server.getColumn() != null) {
      columns.add(server.getColumn());
    } else {
      Matcher key = KEY_COLUMNS.matcher(String.valueOf(server.getDetail()));
      Matcher copied = COPY_COLUMN.matcher(String.valueOf(server.getWhere()));
      if (key.lookingAt()) {
        for (String column : key.group(1).split(",")) {
          columns.add(column.strip().replace("\"", ""));
        }
      } else if (copied.find()) {
        columns.add(copied.group(1));
      } else if (server.getConstraint() != null) {
        columns.addAll(plan.checkColumns().getOrDefault(server.getConstraint(), List.of()));
      }
    }
    String rule = rule(String.valueOf(e.getSQLState()));
    String message = message(e);
    List<Violation> violations = new ArrayList<>(columns.size());
    for (String column : columns) {
      // an expression index names "lower(email)": no field of the record, so no violation to count
      plan.bindings().stream().filter(b -> b.column().equals(column)).findFirst()
          .ifPresent(b -> violations.add(new Violation(b.field(), rule, message)));
    }
    return violations;
  }

  /** A short rule code for a data error's SQL state: what a quality report counts failures by. */
  private static String rule(String sqlState) {
    return switch (sqlState) {
      case "23505" -> "unique";
      case "23502" -> "not null";
      case "23503" -> "foreign key";
      case "23514" -> "check";
      case "23P01" -> "exclusion";
      default -> sqlState.startsWith("22") ? "database type" : "database constraint";
    };
  }

  /**
   * {@code " (unknown host db.example)"} when the connection failed because a host does not resolve, which
   * the driver tells only as "The connection attempt failed"; else empty.
   */
  static String unknownHost(SQLException e) {
    UnknownHostException unknown = Causes.find(e, UnknownHostException.class);
    return unknown == null ? "" : " (unknown host " + unknown.getMessage() + ")";
  }

  /** The message with the SQL state, for errors that fail or retry the batch. */
  static String describe(SQLException e) {
    String state = e.getSQLState();
    return message(e) + (state == null ? "" : " (SQLState " + state + ")");
  }
}
