package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.EtlException;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceItem;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.Violation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class EnrichTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

  /** A source over a list of items that remembers whether it was closed. */
  static final class Departments implements Source<Record> {
    private final List<SourceItem<Record>> items;
    private Iterator<SourceItem<Record>> it;
    boolean closed;

    Departments(List<SourceItem<Record>> items) {
      this.items = items;
    }

    static Departments of(Record... records) {
      return new Departments(java.util.Arrays.stream(records).map(r -> SourceItem.of(r, Position.at("line", 1))).toList());
    }

    @Override
    public String name() {
      return "departments.csv";
    }

    @Override
    public void open(dev.etlkit.api.SourceContext context) {
      it = items.iterator();
    }

    @Override
    public @Nullable SourceItem<Record> read() {
      return it.hasNext() ? it.next() : null;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void computesFieldsWithTheRunsClock() throws Exception {
    Transformer<Record, Record> t = Enrich.with((r, clock) -> r.with("processedAt", clock.instant().toString()));
    t.open(Collected.context(CLOCK));

    assertThat(Collected.one(t, Record.of("id", "1"))).isEqualTo(Record.of("id", "1", "processedAt", "2025-06-15T12:00:00Z"));
  }

  @Test
  void addsConstantsAndComputedFields() throws Exception {
    assertThat(Collected.one(Enrich.constant("version", "1.0"), Record.of("id", "1")))
        .isEqualTo(Record.of("id", "1", "version", "1.0"));
    assertThat(Collected.one(Enrich.computed("len", r -> (long) r.getString("id").length()), Record.of("id", "abc")))
        .isEqualTo(Record.of("id", "abc", "len", 3L));
  }

  @Test
  void refusesAConstantARecordCannotHold() {
    assertThatThrownBy(() -> Enrich.constant("when", new java.util.Date(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("field 'when' has an unsupported value type java.util.Date");
  }

  @Test
  void joinsReferenceDataLoadedOnceFromASource() throws Exception {
    Departments departments = Departments.of(
        Record.of("id", "7", "name", "Engineering", "costCenter", "CC-7"),
        Record.of("id", "8", "name", "Sales", "costCenter", "CC-8"),
        Record.of("id", "7", "name", "Later duplicate", "costCenter", "CC-X"));
    Transformer<Record, Record> t = Enrich.lookup("deptId").from(departments, "id").fields("costCenter").build();
    t.open(Collected.context(CLOCK));

    assertThat(departments.closed).isTrue();
    assertThat(Collected.run(t, Record.of("deptId", 7L), Record.of("deptId", "8"), Record.of("deptId", "9"), Record.of("x", 1L)).emitted)
        .containsExactly(
            Record.of("deptId", 7L, "costCenter", "CC-7"),
            Record.of("deptId", "8", "costCenter", "CC-8"),
            Record.of("deptId", "9"),
            Record.of("x", 1L));
  }

  @Test
  void copiesEveryReferenceFieldButTheKeyByDefault() throws Exception {
    Transformer<Record, Record> t = Enrich.lookup("deptId")
        .from(Departments.of(Record.of("id", "7", "name", "Engineering")), "id").build();
    t.open(Collected.context(CLOCK));

    assertThat(Collected.one(t, Record.of("deptId", "7"))).isEqualTo(Record.of("deptId", "7", "name", "Engineering"));
  }

  @Test
  void rejectsARecordWithoutAMatchWhenAsked() throws Exception {
    Transformer<Record, Record> t = Enrich.lookup("deptId")
        .from(Departments.of(Record.of("id", "7")), "id").rejectMissing().build();
    t.open(Collected.context(CLOCK));

    assertThatThrownBy(() -> t.transform(Record.of("deptId", "9"), new Collected()))
        .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.violations())
            .containsExactly(new Violation("deptId", "lookup", "has no match in departments.csv, was \"9\"")))
        .hasMessage("deptId: has no match in departments.csv, was \"9\"");
  }

  @Test
  void failsToOpenWhenTheReferenceSourceRejectsAnItem() {
    Departments broken = new Departments(List.of(
        SourceItem.of(Record.of("id", "7"), Position.at("line", 2)),
        SourceItem.rejected("7,\"x", Position.at("line", 3), "unclosed quote")));
    Transformer<Record, Record> t = Enrich.lookup("deptId").from(broken, "id").build();

    assertThatThrownBy(() -> t.open(Collected.context(CLOCK)))
        .isInstanceOf(EtlException.class)
        .hasMessage("lookup data departments.csv line 3: unclosed quote");
    assertThat(broken.closed).isTrue();
  }

  @Test
  void needsReferenceData() {
    assertThatThrownBy(() -> Enrich.lookup("deptId").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("lookup on 'deptId' needs reference data: call from(...) or jdbc(...)");
  }

  @Test
  void addsConstantsFromConfig() throws Exception {
    Transformer<Record, Record> t = new EnrichProvider().create(new PluginConfig("transformations[2]",
        Map.of("constants", Map.of("source", "hris")), Path.of("")));

    assertThat(Collected.one(t, Record.of("id", "1"))).isEqualTo(Record.of("id", "1", "source", "hris"));
  }

  @Test
  void namesAnUnknownLookupOption() {
    assertThatThrownBy(() -> new EnrichProvider().create(new PluginConfig("transformations[2]",
        Map.of("lookup", Map.of("key", "deptId", "url", "jdbc:x", "query", "select 1 where ? = 1", "ttl", 5)), Path.of(""))))
        .hasMessage("transformations[2].lookup.ttl: unknown option; known: cacheSize, fields, key, query, rejectMissing, url");
  }

  @Test
  void hidesCredentialsOfAJdbcUrl() {
    assertThat(JdbcReference.withoutSecrets("jdbc:postgresql://etl:s3cret@db:5432/hr?password=s3cret"))
        .isEqualTo("jdbc:postgresql://db:5432/hr");
  }
}
