package dev.etlkit.sinks.postgres;

import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.testkit.PostgresExtension;
import dev.etlkit.testkit.SinkContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sink contract for upserts: re-delivering the batch after the last checkpoint changes nothing. */
@ExtendWith(PostgresExtension.class)
class PostgresSinkContractTest extends SinkContract<Record> {

  private final DataSource dataSource;

  PostgresSinkContractTest(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private static String table(Path dir) {
    return "contract_" + Integer.toHexString(dir.hashCode());
  }

  @Override
  protected Sink<Record> createSink(Path dir) {
    return PostgresSink.table(table(dir)).dataSource(dataSource).upsertOn("seq").build();
  }

  @Override
  protected List<Record> sampleItems() {
    return List.of(Record.of("seq", 1L, "name", "Ann"), Record.of("seq", 2L, "name", "Bo\tTab"),
        Record.of("seq", 3L, "name", "Cy\\Back"), Record.of("seq", 4L, "name", null));
  }

  @Override
  protected List<Record> readBack(Path dir) throws SQLException {
    return seqAndName(dataSource, table(dir));
  }

  /** The rows of a table of seq and name, by seq; none when the table is not there. */
  static List<Record> seqAndName(DataSource dataSource, String table) throws SQLException {
    List<Record> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      ResultSet exists = s.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL");
      exists.next();
      if (!exists.getBoolean(1)) {
        return rows;
      }
      try (ResultSet rs = s.executeQuery("SELECT seq, name FROM " + table + " ORDER BY seq")) {
        while (rs.next()) {
          rows.add(Record.of("seq", rs.getLong(1), "name", rs.getString(2)));
        }
      }
    }
    return rows;
  }

}
