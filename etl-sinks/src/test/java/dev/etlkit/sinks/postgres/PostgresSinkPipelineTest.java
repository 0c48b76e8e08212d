package dev.etlkit.sinks.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.ErrorPolicy;
import dev.etlkit.Pipeline;
import dev.etlkit.PipelineListener;
import dev.etlkit.PipelineResult;
import dev.etlkit.Progress;
import dev.etlkit.api.Record;
import dev.etlkit.api.Retry;
import dev.etlkit.testkit.ListSource;
import dev.etlkit.testkit.PostgresDatabase;
import dev.etlkit.testkit.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresSinkPipelineTest {

  private final PostgresDatabase db;

  PostgresSinkPipelineTest(PostgresDatabase db) {
    this.db = db;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void runRecoversWhenTheServerEndsTheSinksSessionMidRun() throws Exception {
    List<Long> ended = new ArrayList<>();
    PipelineListener killAfterThirdBatch = new PipelineListener() {
      @Override
      public void batchCommitted(Progress progress) {
        if (progress.batches() == 3) {
          try {
            ended.add(count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()"));
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    };

    PipelineResult result = Pipeline.builder("reconnect")
        .source(ListSource.generate("people", 100, i -> Record.of("id", "p" + i, "name", "Person " + i)))
        .sink(PostgresSink.table("people").dataSource(db.dataSource()).upsertOn("id").build())
        .batchSize(10)
        .retry(Retry.exponential(3, Duration.ofMillis(10)))
        .onError(ErrorPolicy.failFast())
        .noCheckpoints()
        .listener(killAfterThirdBatch)
        .build()
        .run();

    assertThat(result.failure()).isNull();
    assertThat(result.written()).isEqualTo(100);
    assertThat(ended).containsExactly(1L);
    assertThat(count("SELECT count(*) FROM people")).isEqualTo(100);
  }

  @Test
  void runCountsRowsTheDatabaseRefusesAsRejected() throws Exception {
    PipelineResult result = Pipeline.builder("constraints")
        .source(ListSource.generate("people", 30, i -> Record.of("id", "p" + i, "email", i == 12 ? "same@x.io"
            : i == 25 ? "same@x.io" : "p" + i + "@x.io")))
        .sink(PostgresSink.table("with_email").dataSource(db.dataSource())
            .schema(TableSchema.of(Column.of("id", "text").primaryKey(), Column.of("email", "text").unique()))
            .upsertOn("id").build())
        .batchSize(10)
        .onError(ErrorPolicy.skip())
        .noCheckpoints()
        .build()
        .run();

    assertThat(result.failure()).isNull();
    assertThat(result.written()).isEqualTo(29);
    assertThat(result.rejected()).isEqualTo(1);
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.origin().toString()).isEqualTo("people item 26");
      assertThat(e.message()).contains(
          "duplicate key value violates unique constraint \"with_email_email_key\": Key (email)=(same@x.io) already exists.");
    });
    assertThat(count("SELECT count(*) FROM with_email")).isEqualTo(29);
  }
}
