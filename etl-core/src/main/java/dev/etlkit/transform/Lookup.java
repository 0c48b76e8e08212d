package dev.etlkit.transform;

import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.Transformer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Builds a join of records with reference data on a key field: the matching reference record's fields
 * are copied into the record (all but its key, or those named in {@link #fields}). Keys match by text,
 * so the number {@code 7} finds the reference key {@code "7"}. A record without a match passes
 * unchanged, or is rejected after {@link #rejectMissing()}.
 *
 * <pre>{@code
 * Enrich.lookup("departmentId").from(CsvSource.file(Path.of("departments.csv")).build(), "id").build();
 * Enrich.lookup("departmentId")
 *     .jdbc(dataSource, "SELECT name AS department, cost_center FROM departments WHERE id = ?")
 *     .cacheSize(10_000)
 *     .build();
 * }</pre>
 */
public final class Lookup {

  private final String keyField;
  private @Nullable Source<Record> source;
  private @Nullable String referenceKey;
  private @Nullable Callable<Connection> connect;
  private @Nullable String sql;
  private String where = "";
  private List<String> fields = List.of();
  private int cacheSize = 10_000;
  private boolean rejectMissing;
  private String name = "enrich";

  Lookup(String keyField) {
    this.keyField = Objects.requireNonNull(keyField, "keyField");
  }

  /**
   * Reference data read once, when the run starts, from {@code source}, keyed by its field
   * {@code referenceKey}; the first record of a key wins. A source that fails or rejects an item fails
   * the run: a join with half its reference data would be silently wrong.
   */
  public Lookup from(Source<Record> source, String referenceKey) {
    this.source = Objects.requireNonNull(source, "source");
    this.referenceKey = Objects.requireNonNull(referenceKey, "referenceKey");
    this.connect = null;
    return this;
  }

  /**
   * Reference data queried on demand with {@code sql}, whose one {@code ?} receives the key as text; the
   * first row's columns (by label) are the reference fields. Answers, misses included, are cached.
   */
  public Lookup jdbc(DataSource dataSource, String sql) {
    Objects.requireNonNull(dataSource, "dataSource");
    return jdbc(dataSource::getConnection, sql, "a data source");
  }

  /** As {@link #jdbc(DataSource, String)}, connecting with {@link DriverManager} to {@code url}. */
  public Lookup jdbc(String url, String sql) {
    Objects.requireNonNull(url, "url");
    return jdbc(() -> JdbcReference.connect(url), sql, JdbcReference.withoutSecrets(url));
  }

  private Lookup jdbc(Callable<Connection> connect, String sql, String where) {
    Objects.requireNonNull(sql, "sql");
    if (!sql.contains("?")) {
      throw new IllegalArgumentException("lookup query needs a ? for the key: " + sql);
    }
    this.connect = connect;
    this.sql = sql;
    this.where = where;
    this.source = null;
    return this;
  }

  /** Copies only these reference fields (default: all but the reference key). */
  public Lookup fields(String... fields) {
    this.fields = List.of(fields);
    return this;
  }

  /** How many keys a JDBC lookup remembers (default 10,000); 0 queries every time. */
  public Lookup cacheSize(int cacheSize) {
    if (cacheSize < 0) {
      throw new IllegalArgumentException("cacheSize must be >= 0, was " + cacheSize);
    }
    this.cacheSize = cacheSize;
    return this;
  }

  /** Rejects a record whose key has no match (default: it passes unchanged). */
  public Lookup rejectMissing() {
    rejectMissing = true;
    return this;
  }

  /** The step's name in messages and reports (default "enrich"). */
  public Lookup name(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    this.name = name;
    return this;
  }

  /** The transformer. */
  public Transformer<Record, Record> build() {
    ReferenceData reference;
    if (source != null && referenceKey != null) {
      reference = new SourceReference(source, referenceKey);
    } else if (connect != null && sql != null) {
      reference = new JdbcReference(connect, sql, where, cacheSize);
    } else {
      throw new IllegalStateException("lookup on '" + keyField + "' needs reference data: call from(...) or jdbc(...)");
    }
    return new LookupJoin(name, keyField, reference, fields, rejectMissing);
  }
}
