package dev.etlkit.sinks.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.etlkit.api.Chunk;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Record;
import dev.etlkit.api.RetriableException;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkContext;
import dev.etlkit.internal.SqlStates;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads records into a PostgreSQL table, one transaction per batch, with {@code COPY}: straight into
 * the table for inserts and for upserts of new keys, through a staging table and one
 * {@code INSERT ... ON CONFLICT DO UPDATE} for upserts that meet existing keys (see {@link LoadMode}). A row that breaks a constraint or holds a bad value is rejected alone
 * with the server's message while the rest of its batch loads; a lost connection, serialization
 * failure or deadlock throws {@link RetriableException} with nothing left behind, and the next attempt
 * reconnects.
 *
 * <p>The table is created from a declared {@link TableSchema} when absent, or from the first record's
 * fields when no schema is given; an existing table is used as it is, fields matched to columns by name
 * or snake_case name ({@code joinDate} → {@code join_date}). Identifiers are always quoted.
 *
 * <pre>{@code
 * Sink<Record> sink = PostgresSink.table("employees").dataSource(ds).upsertOn("id").build();
 * Sink<Record> fromUrl = PostgresSink.table("staging.employees").url(System.getenv("DATABASE_URL"))
 *     .schema(employeeTable).replaceTable().build();
 * }</pre>
 */
public final class PostgresSink implements Sink<Record> {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresSink.class);

  private final TableName table;
  private final @Nullable DataSource givenDataSource;
  private final @Nullable PostgresUrl url;
  private final LoadMode mode;
  private final List<String> key;
  private final @Nullable TableSchema schema;
  private @Nullable DataSource dataSource;
  private @Nullable HikariDataSource pool;
  private TableName into;
  private boolean resuming;
  private @Nullable LoadPlan plan;
  private @Nullable BatchLoader loader;
  /** Without a declared schema: the fields of the first record, which chose the columns loaded. */
  private @Nullable Set<String> planFields;
  /** The field names of the last record checked against {@link #planFields}: records of one source share them. */
  private List<String> checkedFields = List.of();
  private final Set<String> reportedLate = new HashSet<>();
  private String runId = "";
  /** Whether inserts keep a {@link LoadLog}: the run can be resumed and a re-delivered batch would go in twice. */
  private boolean logLoads;
  private @Nullable LoadLog log;
  /** Items received over the whole run, the attempts before this one included. */
  private long delivered;
  /**
   * What earlier attempts (or a write whose commit went through before its connection was lost) committed
   * beyond the items delivered; read from the log whenever a connection is taken, at the first write and
   * after a fault.
   */
  private LoadLog.@Nullable Committed committed;

  private PostgresSink(Builder b) {
    this.table = b.table;
    this.givenDataSource = b.dataSource;
    this.url = b.url;
    this.mode = b.mode;
    this.key = mode == LoadMode.INSERT ? List.of() : List.copyOf(b.key);
    this.schema = b.schema;
    this.into = table;
  }

  /** A builder for a sink loading {@code table}, which may be schema-qualified ({@code reporting.employees}). */
  public static Builder table(String table) {
    return new Builder(TableName.parse(table));
  }

  @Override
  public String name() {
    return table.toString();
  }

  @Override
  public void open(SinkContext context) {
    resuming = context.restoredState() != null;
    runId = context.runId();
    logLoads = key.isEmpty() && context.resumable();
    if (resuming && context.restoredState().get("delivered") instanceof Long n) {
      delivered = n;
    }
    if (mode == LoadMode.REPLACE_TABLE) {
      // Named after the run, so that a resumed run finds the table it was filling.
      into = table.withSuffix("__etl_" + Integer.toHexString(context.runId().hashCode()));
    }
    try (Connection c = givenDataSource != null ? givenDataSource.getConnection() : Objects.requireNonNull(url).connect()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new EtlException("sink '" + name() + "' cannot connect to " + where() + ": " + SqlFaults.describe(e)
          + SqlFaults.unknownHost(e), e);
    }
    if (givenDataSource != null) {
      dataSource = givenDataSource;
    } else {
      pool = Objects.requireNonNull(url).pool();
      dataSource = pool;
    }
  }

  @Override
  public void write(Chunk<Record> chunk) {
    List<Record> items = chunk.items();
    if (items.isEmpty()) {
      return;
    }
    Map<Integer, RowRejection> rejected = new TreeMap<>();
    try {
      BatchLoader l = loader(items.get(0));
      reportLateFields(items);
      if (log != null) {
        loadLogged(l, log, items, rejected);
      } else {
        for (int[] rows : Objects.requireNonNull(plan).rounds(items)) {
          l.load(items, rows, rejected);
        }
      }
    } catch (SQLException e) {
      throw fault(e);
    }
    delivered += items.size();
    rejected.forEach((row, why) -> chunk.reject(row, why.message(), why.violations()));
  }

  /**
   * Inserts the items an earlier attempt did not commit, and records them in the load log in the same
   * transaction; of the others, gives back what the database refused then.
   */
  private void loadLogged(BatchLoader l, LoadLog log, List<Record> items, Map<Integer, RowRejection> rejected)
      throws SQLException {
    LoadLog.Committed before = Objects.requireNonNull(committed);
    long first = delivered;
    int done = (int) Math.min(items.size(), Math.max(0, before.until() - first));
    for (int i = 0; i < done; i++) {
      RowRejection why = before.rejected().get(first + i);
      if (why != null) {
        rejected.put(i, why);
      }
    }
    if (done == items.size()) {
      return;
    }
    int[] rows = new int[items.size() - done];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = done + i;
    }
    l.load(items, rows, rejected, (c, refused) -> {
      Map<Long, RowRejection> byItem = new TreeMap<>();
      refused.forEach((row, why) -> {
        if (row >= done) {
          byItem.put(first + row, why);
        }
      });
      log.record(c, first + done, rows.length, byItem);
    });
  }

  /**
   * Logs once each field that first appears after the first record: the columns loaded were chosen
   * from the first record's fields, so it is not loaded (naming it beats dropping it silently).
   */
  private void reportLateFields(List<Record> items) {
    if (planFields == null) {
      return;
    }
    for (Record r : items) {
      // names of one layout are the same strings: equals is mostly reference comparisons
      if (!r.fieldNames().equals(checkedFields)) {
        checkedFields = r.fieldNames();
        for (String field : checkedFields) {
          if (!planFields.contains(field) && reportedLate.add(field)) {
            LOG.warn("sink '{}': field '{}' first appears after the first record, whose fields chose the columns"
                + " loaded into {}; it is not loaded", name(), field, into);
          }
        }
      }
    }
  }

  private BatchLoader loader(@Nullable Record first) throws SQLException {
    if (loader != null) {
      return loader;
    }
    Connection c = Objects.requireNonNull(dataSource, "open() first").getConnection();
    try {
      if (plan == null) {
        c.setAutoCommit(false);
        plan = prepare(new TableSetup(c), first);
        c.commit();
        if (schema == null && first != null) {
          planFields = new HashSet<>(first.fieldNames());
          checkedFields = first.fieldNames();
        }
      }
      if (logLoads && log == null) {
        c.setAutoCommit(true);
        log = LoadLog.openOrNull(c, table, runId);
        if (log == null) {
          LOG.warn("sink '{}': may not create, read or write {} in its schema, so a batch committed after the last"
              + " checkpoint is inserted again if the run resumes; grant it, or upsert on a key", name(),
              new TableName(table.schema(), LoadLog.TABLE));
          logLoads = false;
        }
      }
      if (log != null) {
        c.setAutoCommit(true);
        committed = log.committedFrom(c, delivered);
      }
      loader = BatchLoader.open(c, plan);
      return loader;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private LoadPlan prepare(TableSetup setup, @Nullable Record first) throws SQLException {
    return setup.plan(into, ensureTable(setup, first), first, key);
  }

  /**
   * Creates the table rows go into unless it exists: from the declared schema, as a copy of the old
   * table in replace mode, or from the first record. Returns the schema that says what is loaded, or
   * null when the table's own columns do.
   */
  private @Nullable TableSchema ensureTable(TableSetup setup, @Nullable Record first) throws SQLException {
    TableSchema declared = schema;
    if (mode == LoadMode.REPLACE_TABLE) {
      if (!resuming) {
        setup.execute("DROP TABLE IF EXISTS " + into.sql());
      }
      if (declared == null && setup.exists(table) && !setup.exists(into)) {
        setup.execute("CREATE TABLE " + into.sql() + " (LIKE " + table.sql() + " INCLUDING ALL)");
      }
    }
    if (declared == null && !setup.exists(into) && first != null) {
      declared = TableSchema.inferredFrom(first, key);
    }
    if (declared != null) {
      setup.create(into, declared);
    }
    return declared;
  }

  private RuntimeException fault(SQLException e) {
    // Whatever failed, the transaction is gone; the next write starts over on a fresh connection, and
    // reads the log again: the batch may have committed just before the connection was lost.
    dropConnection();
    String message = "sink '" + name() + "': " + SqlFaults.describe(e);
    if (SqlStates.isTransient(e)) {
      LOG.warn("{}; the batch will be retried on a new connection", message);
      return new RetriableException(message, e);
    }
    return new EtlException(message, e);
  }

  @Override
  public void complete() {
    if (mode != LoadMode.REPLACE_TABLE) {
      forgetLoads();
      return;
    }
    dropConnection();
    try (Connection c = Objects.requireNonNull(dataSource, "open() first").getConnection()) {
      c.setAutoCommit(false);
      TableSetup setup = new TableSetup(c);
      if (plan == null) {
        // No record came: the new table is still made (empty), if anything says what it looks like.
        ensureTable(setup, null);
      }
      if (!setup.exists(into)) {
        LOG.warn("sink '{}' received no records and knows no columns: {} stays as it is", name(), table);
        c.rollback();
        return;
      }
      setup.swap(into, table);
      if (log != null) {
        log.forget(c);
      }
      c.commit();
    } catch (SQLException e) {
      throw fault(e);
    }
  }

  /** A completed run is never resumed: its load log entries can go. */
  private void forgetLoads() {
    if (log == null) {
      return;
    }
    dropConnection();
    try (Connection c = Objects.requireNonNull(dataSource).getConnection()) {
      c.setAutoCommit(true);
      log.forget(c);
    } catch (SQLException e) {
      // the rows are loaded: entries left behind cost a little space, not a wrong table
      LOG.warn("sink '{}': could not delete run {}'s entries from {}: {}", name(), runId, log.table(), SqlFaults.describe(e));
    }
  }

  /**
   * For a resume: how many items this sink has received over the run, when it inserts; the load log then
   * says which of those re-delivered after the checkpoint are in the table already.
   */
  @Override
  public Map<String, Object> state() {
    return logLoads ? Map.of("delivered", delivered) : Map.of();
  }

  @Override
  public void close() {
    dropConnection();
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }

  private void dropConnection() {
    if (loader != null) {
      loader.close();
      loader = null;
    }
  }

  private String where() {
    return url != null ? url.toString() : "its data source";
  }

  private static void closeQuietly(Connection c) {
    try {
      c.rollback();
      c.close();
    } catch (SQLException e) {
      // The connection is being given up anyway.
    }
  }

  /** The table, mode and key; not the server, whose URL may carry a password and may move between attempts. */
  @Override
  public String definition() {
    return toString() + (schema == null ? "" : " " + schema);
  }

  @Override
  public String toString() {
    return "PostgresSink[" + table + ", " + mode + (key.isEmpty() ? "" : " on " + key) + "]";
  }

  /** Settings of a {@link PostgresSink}; each setter returns this builder and rejects a bad argument at once. */
  public static final class Builder {
    private final TableName table;
    private @Nullable DataSource dataSource;
    private @Nullable PostgresUrl url;
    private LoadMode mode = LoadMode.INSERT;
    private List<String> key = List.of();
    private @Nullable TableSchema schema;

    private Builder(TableName table) {
      this.table = table;
    }

    /** Where connections come from; the sink uses one at a time and closes it when done. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Connects with a pool of its own to {@code postgresql://user:password@host:port/db} or a
     * {@code jdbc:postgresql:} URL; the password never appears in logs or messages.
     */
    public Builder url(String url) {
      this.url = PostgresUrl.parse(Objects.requireNonNull(url, "url"));
      return this;
    }

    /** Upserts on these key columns (or fields): a row whose key exists replaces the old row. */
    public Builder upsertOn(String... key) {
      if (key.length == 0) {
        throw new IllegalArgumentException("upsertOn needs at least one key column");
      }
      this.key = List.of(key);
      if (mode == LoadMode.INSERT) {
        mode = LoadMode.UPSERT;
      }
      return this;
    }

    /** Inserts rows (the default): one whose key exists is rejected. */
    public Builder insert() {
      this.mode = LoadMode.INSERT;
      return this;
    }

    /** Loads into a new table that replaces the old one when the run completes. */
    public Builder replaceTable() {
      this.mode = LoadMode.REPLACE_TABLE;
      return this;
    }

    /** The load mode; {@link LoadMode#UPSERT} needs {@link #upsertOn}. */
    public Builder mode(LoadMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The columns of the table, created if absent; without it an existing table is used as it is. */
    public Builder schema(TableSchema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /** The sink; fails when it has no way to connect, or upserts without a key. */
    public PostgresSink build() {
      if (dataSource == null && url == null) {
        throw new IllegalStateException("PostgresSink for " + table + " needs a dataSource or a url");
      }
      if (mode == LoadMode.UPSERT && key.isEmpty()) {
        throw new IllegalStateException("PostgresSink for " + table + " upserts but has no key: call upsertOn");
      }
      return new PostgresSink(this);
    }
  }
}
