package dev.etlkit.sinks.postgres;

import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.testkit.PostgresExtension;
import dev.etlkit.testkit.SinkContract;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sink contract for inserts into a table without a key: nothing would refuse a row inserted twice, so
 * the batch re-delivered after the last checkpoint is kept out by the load log alone.
 */
@ExtendWith(PostgresExtension.class)
class PostgresSinkInsertContractTest extends SinkContract<Record> {

  private final DataSource dataSource;

  PostgresSinkInsertContractTest(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private static String table(Path dir) {
    return "inserted_" + Integer.toHexString(dir.hashCode());
  }

  @Override
  protected Sink<Record> createSink(Path dir) {
    return PostgresSink.table(table(dir)).dataSource(dataSource).build();
  }

  @Override
  protected List<Record> sampleItems() {
    return List.of(Record.of("seq", 1L, "name", "Ann"), Record.of("seq", 2L, "name", "Bo"),
        Record.of("seq", 3L, "name", "Cy"), Record.of("seq", 4L, "name", "Di"), Record.of("seq", 5L, "name", "Ed"));
  }

  @Override
  protected List<Record> readBack(Path dir) throws SQLException {
    return PostgresSinkContractTest.seqAndName(dataSource, table(dir));
  }
}
