package dev.etlkit.sinks.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkProvider;
import dev.etlkit.testkit.PostgresDatabase;
import dev.etlkit.testkit.PostgresExtension;
import dev.etlkit.testkit.TestChunk;
import dev.etlkit.testkit.TestContexts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresSinkProviderTest {

  private final PostgresSinkProvider provider = new PostgresSinkProvider();

  private static PluginConfig config(Map<String, Object> options) {
    return new PluginConfig("outputs[2]", options, Path.of("."));
  }

  @Test
  void upsertsIntoTheDestinationTableOnIdByDefault(PostgresDatabase db) throws Exception {
    Sink<Record> sink = provider.create(config(Map.of("type", "database", "destination", "employees", "url", db.url(),
        "columns", List.of(
            Map.of("name", "id", "type", "text", "primaryKey", true),
            Map.of("name", "join_date", "type", "date", "field", "joinDate", "notNull", true),
            Map.of("name", "updated_at", "type", "timestamptz", "default", "now()", "onUpdate", "now()")))));
    try (sink) {
      sink.open(TestContexts.sink(null));
      sink.write(TestChunk.of(List.of(Record.of("id", "1", "joinDate", LocalDate.of(2020, 1, 2)))));
      sink.write(TestChunk.of(List.of(Record.of("id", "1", "joinDate", LocalDate.of(2021, 3, 4)))));
      sink.complete();
    }

    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, join_date, updated_at IS NOT NULL FROM employees")) {
      assertThat(rs.next()).isTrue();
      assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3))).containsExactly("1", "2021-03-04", "t");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void isFoundByTypeAndAlias() {
    List<SinkProvider> providers = ServiceLoader.load(SinkProvider.class).stream().map(ServiceLoader.Provider::get)
        .toList();

    assertThat(providers).extracting(SinkProvider::type).contains("csv", "json", "database");
    assertThat(providers).filteredOn(p -> p.type().equals("database"))
        .singleElement().extracting(SinkProvider::aliases).isEqualTo(List.of("postgres"));
  }

  @Test
  void saysAHostDoesNotResolve() {
    Sink<Record> sink = provider.create(config(Map.of("destination", "employees",
        "url", "postgresql://etl:s3cret@no-such-host.invalid:5432/etl_db")));

    assertThatThrownBy(() -> sink.open(TestContexts.sink(null)))
        .isInstanceOf(EtlException.class)
        .hasMessageEndingWith(" (unknown host no-such-host.invalid)")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void neverShowsThePasswordWhenItCannotConnect() {
    Sink<Record> sink = provider.create(config(Map.of("destination", "employees",
        "url", "postgresql://etl:s3cret@127.0.0.1:1/etl_db")));

    assertThatThrownBy(() -> sink.open(TestContexts.sink(null)))
        .isInstanceOf(EtlException.class)
        .hasMessage("sink 'employees' cannot connect to jdbc:postgresql://127.0.0.1:1/etl_db as etl: Connection to"
            + " 127.0.0.1:1 refused. Check that the hostname and port are correct and that the postmaster is accepting"
            + " TCP/IP connections. (SQLState 08001)");
  }

  @Test
  void rejectsAnUnknownMode() {
    assertThatThrownBy(() -> provider.create(config(Map.of("destination", "t", "url", "postgresql://h/db",
        "mode", "merge"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[2].mode: must be insert, upsert or replace, was \"merge\"");
  }

  @Test
  void rejectsAColumnTypeThatCarriesSql() {
    assertThatThrownBy(() -> provider.create(config(Map.of("destination", "t", "url", "postgresql://h/db",
        "columns", List.of(Map.of("name", "id", "type", "text); DROP TABLE x; --"))))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[2].columns[0]: column id: \"text); DROP TABLE x; --\" is not a SQL type");
  }

  @Test
  void rejectsAMalformedUrlWithoutRepeatingThePassword() {
    assertThatThrownBy(() -> provider.create(config(Map.of("destination", "t", "url", "postgresql://u:pw@/db"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[2].url: the URL names no host");
  }
}
