package dev.etlkit.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import dev.etlkit.sinks.csv.CsvSink;
import dev.etlkit.sinks.json.JsonSink;
import dev.etlkit.sinks.postgres.PostgresSink;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.ListSource;
import dev.etlkit.testkit.PostgresDatabase;
import dev.etlkit.testkit.PostgresExtension;
import dev.etlkit.transform.Transform;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline that switches to the host's own type: record sinks take its beans as records. */
@ExtendWith(PostgresExtension.class)
class BeanPipelineTest {

  enum Grade { JUNIOR, SENIOR }

  record Employee(String id, String name, BigDecimal salary, @JsonProperty("joinDate") LocalDate joined, Grade grade,
      Map<String, Object> metadata) {
    Employee raised() {
      return new Employee(id, name, salary.multiply(new BigDecimal("1.1")), joined, grade, metadata);
    }
  }

  @TempDir
  Path dir;

  @Test
  void recordsBecomeBeansAndRecordSinksWriteTheBeansAsRecords(PostgresDatabase db) throws Exception {
    ListSource<Record> source = ListSource.of(
        Record.of("id", "1", "name", "Ann", "salary", new BigDecimal("1000"), "joinDate", LocalDate.of(2020, 1, 2),
            "grade", "SENIOR", "metadata", Map.of("team", "core"), "ignored", "x"),
        Record.of("id", "2", "name", "Bo", "salary", "lots", "joinDate", "2021-03-04", "grade", "JUNIOR"),
        Record.of("id", "3", "name", "Cy", "salary", 2000L, "joinDate", "2022-05-06", "grade", "JUNIOR"));
    CollectingSink<Employee> beans = CollectingSink.create();

    PipelineResult result = Pipeline.builder("beans")
        .source(source)
        .transform(Transform.toBean(Employee.class))
        .transform(Transformer.map("raise", Employee::raised))
        .sink(CsvSink.file(dir.resolve("out.csv")))
        .sink(JsonSink.file(dir.resolve("out.json")))
        .sink(PostgresSink.table("employees").dataSource(db.dataSource()).upsertOn("id").build())
        .sink(beans)
        .noCheckpoints()
        .build()
        .run();

    assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
    assertThat(result.written()).isEqualTo(2);
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.step()).isEqualTo("toBean Employee");
      assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("salary"));
    });
    assertThat(beans.items()).extracting(Employee::id).containsExactly("1", "3");
    assertThat(Files.readString(dir.resolve("out.csv"))).isEqualTo("""
        id,name,salary,joinDate,grade,metadata
        1,Ann,1100,2020-01-02,SENIOR,"{""team"":""core""}"
        3,Cy,2200,2022-05-06,JUNIOR,
        """);
    assertThat(Files.readString(dir.resolve("out.json"))).contains("    \"salary\": 1100,\n    \"joinDate\": \"2020-01-02\",\n"
        + "    \"grade\": \"SENIOR\",\n    \"metadata\": {\n      \"team\": \"core\"\n    }\n");
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, salary, join_date, grade, metadata FROM employees ORDER BY id")) {
      while (rs.next()) {
        rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), String.valueOf(rs.getString(5))));
      }
    }
    assertThat(rows).containsExactly(List.of("1", "1100.0", "2020-01-02", "SENIOR", "{\"team\": \"core\"}"),
        List.of("3", "2200.0", "2022-05-06", "JUNIOR", "null"));
  }

  @Test
  void toRecordTurnsBeansBackIntoRecords() throws Exception {
    CollectingSink<Record> records = CollectingSink.create();
    Pipeline.builder("back")
        .source(ListSource.of(new Employee("1", "Ann", new BigDecimal("5.5"), LocalDate.of(2020, 1, 2), Grade.JUNIOR, null)))
        .transform(Transform.toRecord())
        .sink(records)
        .noCheckpoints()
        .build()
        .run();

    assertThat(records.items()).containsExactly(Record.of("id", "1", "name", "Ann", "salary", new BigDecimal("5.5"),
        "joinDate", LocalDate.of(2020, 1, 2), "grade", "JUNIOR", "metadata", null));
  }
}
