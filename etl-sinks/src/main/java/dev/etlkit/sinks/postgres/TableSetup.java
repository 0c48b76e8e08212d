package dev.etlkit.sinks.postgres;

import dev.etlkit.api.EtlException;
import dev.etlkit.api.Record;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the table exists (creating it from the declared schema, from the old table in replace
 * mode, or from the first record) and works out which record field fills which column.
 */
final class TableSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TableSetup.class);

  private final Connection connection;

  TableSetup(Connection connection) {
    this.connection = connection;
  }

  /** Whether the table exists. */
  boolean exists(TableName table) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, table.sql());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** The table's columns and their types, in order; empty when it does not exist. */
  Map<String, String> columns(TableName table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod)"
        + " FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"
        + " ORDER BY a.attnum")) {
      ps.setString(1, table.sql());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return columns;
  }

  void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** Creates {@code table} from {@code schema} unless it exists. */
  void create(TableName table, TableSchema schema) throws SQLException {
    LOG.info("creating table {} if absent", table);
    execute(schema.createSql(table));
  }

  /**
   * The plan for loading into {@code into}: from the declared schema's fields, or else by matching the
   * first record's fields to the table's columns by name or snake_case name.
   */
  LoadPlan plan(TableName into, @Nullable TableSchema declared, @Nullable Record first, List<String> key)
      throws SQLException {
    Map<String, String> existing = columns(into);
    List<Binding> bindings = new ArrayList<>();
    Map<String, String> onUpdate = new LinkedHashMap<>();
    if (declared != null) {
      for (Column c : declared.columns()) {
        if (c.field() != null) {
          bindings.add(new Binding(c.field(), c.name(), c.isJson()));
        }
        if (c.onUpdateSql() != null) {
          onUpdate.put(c.name(), c.onUpdateSql());
        }
      }
    } else if (first != null) {
      List<String> unmatched = new ArrayList<>();
      for (String field : first.fieldNames()) {
        String column = existing.containsKey(field) ? field : TableSchema.snakeCase(field);
        String type = existing.get(column);
        if (type == null) {
          unmatched.add(field);
        } else {
          bindings.add(new Binding(field, column, type.equals("json") || type.equals("jsonb")));
        }
      }
      if (!unmatched.isEmpty()) {
        LOG.warn("table {} has no column for fields {}; they are not loaded", into, unmatched);
      }
    }
    if (bindings.isEmpty()) {
      throw new EtlException("table " + into + " has no column for any field of the records; its columns are "
          + existing.keySet());
    }
    return new LoadPlan(into, bindings, keyColumns(key, bindings, into), onUpdate, checkColumns(into));
  }

  /** The table's check constraints and the columns each one reads, in the table's order. */
  private Map<String, List<String>> checkColumns(TableName table) throws SQLException {
    Map<String, List<String>> checks = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT c.conname, a.attname FROM pg_constraint c"
        + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)"
        + " WHERE c.conrelid = to_regclass(?) AND c.contype = 'c' ORDER BY c.conname, a.attnum")) {
      ps.setString(1, table.sql());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          checks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return checks;
  }

  /** Key names may be columns or fields; the plan needs columns, each one loaded. */
  private static List<String> keyColumns(List<String> key, List<Binding> bindings, TableName table) {
    List<String> columns = new ArrayList<>();
    for (String k : key) {
      String column = bindings.stream().filter(b -> b.column().equals(k) || b.field().equals(k)).map(Binding::column)
          .findFirst()
          .orElseThrow(() -> new EtlException("upsert key " + k + " is not a loaded column of table " + table
              + "; loaded: " + bindings.stream().map(Binding::column).toList()));
      columns.add(column);
    }
    return columns;
  }

  /**
   * Puts {@code replacement} in the place of {@code table} within the caller's transaction: the old
   * table is renamed away and dropped, so that readers see either all old rows or all new ones.
   */
  void swap(TableName replacement, TableName table) throws SQLException {
    TableName old = table.withSuffix("__etl_old_" + Integer.toHexString(replacement.name().hashCode()));
    execute("ALTER TABLE IF EXISTS " + table.sql() + " RENAME TO " + TableName.quote(old.name()));
    execute("ALTER TABLE " + replacement.sql() + " RENAME TO " + TableName.quote(table.name()));
    keepSharedSequences(old, table);
    keepGrants(old, table);
    execute("DROP TABLE IF EXISTS " + old.sql());
    renameWhatCarriesTheTemporaryName(replacement, table);
  }

  /**
   * The indexes, constraints and sequences the replacement got with it are named after it
   * ({@code employees__etl_1a2b_pkey}); once the old table is gone they take the table's own names
   * ({@code employees_pkey}), which messages and tools expect.
   */
  private void renameWhatCarriesTheTemporaryName(TableName replacement, TableName table) throws SQLException {
    String from = replacement.name();
    String to = table.name();
    // an index that backs a constraint renames the constraint with it
    executeEach("SELECT format('ALTER INDEX %s RENAME TO %I', c.oid::regclass, ? || substr(c.relname, length(?) + 1))"
        + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        + " WHERE i.indrelid = to_regclass(?) AND starts_with(c.relname, ?)", to, from, table.sql(), from);
    executeEach("SELECT format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', n.conrelid::regclass, n.conname,"
        + " ? || substr(n.conname, length(?) + 1)) FROM pg_constraint n"
        + " WHERE n.conrelid = to_regclass(?) AND n.conindid = 0 AND starts_with(n.conname, ?)", to, from, table.sql(), from);
    executeEach("SELECT format('ALTER SEQUENCE %s RENAME TO %I', s.oid::regclass, ? || substr(s.relname, length(?) + 1))"
        + " FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'"
        + " WHERE d.refobjid = to_regclass(?) AND d.deptype IN ('a', 'i') AND starts_with(s.relname, ?)",
        to, from, table.sql(), from);
  }

  /** Whoever could read or write the old table can use its replacement: its grants are given again. */
  private void keepGrants(TableName old, TableName table) throws SQLException {
    executeEach("SELECT format('GRANT %s ON %s TO %s%s', g.privilege_type, to_regclass(?),"
        + " CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END,"
        + " CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)"
        + " FROM pg_class c, aclexplode(c.relacl) g WHERE c.oid = to_regclass(?) AND g.grantee <> c.relowner",
        table.sql(), old.sql());
  }

  /**
   * A serial column's sequence belongs to the old table, and the replacement (a copy of its definition)
   * draws its defaults from it too: dropping the old table would drop the sequence, or fail on the
   * replacement's dependency. Such a sequence passes to the replacement's column first.
   */
  private void keepSharedSequences(TableName old, TableName table) throws SQLException {
    executeEach("SELECT format('ALTER SEQUENCE %s OWNED BY %s.%I', s.oid::regclass, d.adrelid::regclass, a.attname)"
        + " FROM pg_depend owned JOIN pg_class s ON s.oid = owned.objid AND s.relkind = 'S'"
        + " JOIN pg_depend used ON used.refclassid = 'pg_class'::regclass AND used.refobjid = s.oid"
        + "  AND used.classid = 'pg_attrdef'::regclass"
        + " JOIN pg_attrdef d ON d.oid = used.objid AND d.adrelid = to_regclass(?)"
        + " JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
        + " WHERE owned.classid = 'pg_class'::regclass AND owned.refclassid = 'pg_class'::regclass"
        + "  AND owned.refobjid = to_regclass(?) AND owned.deptype = 'a'", table.sql(), old.sql());
  }

  /** Runs each statement that {@code query}, given these parameters, gives. */
  private void executeEach(String query, String... parameters) throws SQLException {
    List<String> statements = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          statements.add(rs.getString(1));
        }
      }
    }
    for (String statement : statements) {
      execute(statement);
    }
  }
}
