package dev.etlkit.transform;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.TransformContext;
import dev.etlkit.api.Transformer;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Adds data to records: computed fields, constants, or fields joined from reference data.
 *
 * <pre>{@code
 * .transform(Enrich.with("enrich", EmployeeRules::enrich))          // (record, clock) -> record
 * .transform(Enrich.constant("source", "hris"))
 * .transform(Enrich.computed("domain", r -> r.getString("email").replaceAll(".*@", "")))
 * .transform(Enrich.lookup("departmentId").from(CsvSource.file(depts).build(), "id").fields("costCenter").build())
 * }</pre>
 *
 * <p>The enrichers are thread-safe as long as the functions given to them are.
 */
public final class Enrich implements Transformer<Record, Record> {

  private final String name;
  private final Enrichment enrichment;
  private volatile Clock clock = Clock.systemDefaultZone();

  private Enrich(String name, Enrichment enrichment) {
    this.name = name;
    this.enrichment = enrichment;
  }

  /** A step named {@code name} that applies {@code enrichment} with the run's clock. */
  public static Enrich with(String name, Enrichment enrichment) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    return new Enrich(name, Objects.requireNonNull(enrichment, "enrichment"));
  }

  /** A step named "enrich" that applies {@code enrichment} with the run's clock. */
  public static Enrich with(Enrichment enrichment) {
    return with("enrich", enrichment);
  }

  /** Sets {@code field} to {@code value} in every record. */
  public static Enrich constant(String field, @Nullable Object value) {
    Objects.requireNonNull(field, "field");
    Record.empty().with(field, value); // rejects an unsupported value type now rather than per record
    return with("enrich", (r, c) -> r.with(field, value));
  }

  /** Sets {@code field} to what {@code fn} computes from the record. */
  public static Enrich computed(String field, Function<Record, @Nullable Object> fn) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(fn, "fn");
    return with("enrich", (r, c) -> r.with(field, fn.apply(r)));
  }

  /** A join with reference data on the record's {@code keyField}: see {@link Lookup}. */
  public static Lookup lookup(String keyField) {
    return new Lookup(keyField);
  }

  @Override
  public void open(TransformContext context) {
    clock = context.clock();
  }

  @Override
  public void transform(Record record, Emitter<Record> out) throws Exception {
    out.emit(enrichment.enrich(record, clock));
  }

  @Override
  public String name() {
    return name;
  }
}
