package dev.etlkit.sinks.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.testkit.TestChunk;
import dev.etlkit.testkit.TestContexts;
import dev.etlkit.sinks.file.PartFile;
import dev.etlkit.testkit.SinkContract;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSinkTest extends SinkContract<Record> {

  @Override
  protected Sink<Record> createSink(Path dir) {
    return JsonSink.file(dir.resolve("contract.json"));
  }

  @Override
  protected List<Record> sampleItems() {
    return List.of(Record.of("id", 1L, "name", "Ann"), Record.of("id", 2L, "tags", List.of("a", "b")),
        Record.of("id", 3L, "nested", Map.of("k", "v")), Record.of("id", 4L, "name", "Dee\nDee"));
  }

  @Override
  protected List<Record> readBack(Path dir) throws IOException {
    List<Map<String, Object>> maps = new ObjectMapper().readValue(dir.resolve("contract.json").toFile(),
        new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
    return maps.stream().map(Record::of).toList();
  }

  @TempDir
  Path dir;

  static Record employee(String id, String salary, Map<String, Object> metadata) {
    return Record.builder().put("id", id).put("name", "Zoë Åberg").put("age", 30L)
        .put("salary", new BigDecimal(salary)).put("joinDate", LocalDate.of(2020, 1, 15)).put("isActive", true)
        .put("metadata", metadata).build();
  }

  static void writeAll(JsonSink sink, String runId, List<List<Record>> batches) throws Exception {
    sink.open(TestContexts.sink(runId, null));
    for (List<Record> batch : batches) {
      sink.write(TestChunk.of(batch));
    }
    sink.complete();
    sink.close();
  }

  @Test
  void writesAnArrayIndentedLikeJsonStringify() throws Exception {
    Path out = dir.resolve("employees.json");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("skills", List.of("Java", "SQL"));
    metadata.put("empty", Map.of());
    metadata.put("none", List.of());
    writeAll(JsonSink.file(out), "run-1", List.of(
        List.of(employee("1", "75000.00", metadata)),
        List.of(employee("2", "75000.50", Map.of()))));

    assertThat(Files.readString(out)).isEqualTo("""
        [
          {
            "id": "1",
            "name": "Zoë Åberg",
            "age": 30,
            "salary": 75000,
            "joinDate": "2020-01-15",
            "isActive": true,
            "metadata": {
              "skills": [
                "Java",
                "SQL"
              ],
              "empty": {},
              "none": []
            }
          },
          {
            "id": "2",
            "name": "Zoë Åberg",
            "age": 30,
            "salary": 75000.5,
            "joinDate": "2020-01-15",
            "isActive": true,
            "metadata": {}
          }
        ]
        """);
  }

  @Test
  void writesAParsableArrayThatReadsBackEqual() throws Exception {
    Path out = dir.resolve("types.json");
    Record record = Record.builder().put("text", "quote \" backslash \\ newline \n tab \t ☃").put("long", Long.MIN_VALUE)
        .put("decimal", new BigDecimal("1E+3")).put("double", 2.5).put("bool", false).put("null", null)
        .put("date", LocalDate.of(1999, 12, 31)).put("instant", Instant.parse("2024-01-31T10:15:30.123Z"))
        .put("nested", Map.of("list", List.of(1L, Map.of("deep", "yes")))).build();
    writeAll(JsonSink.file(out), "run-1", List.of(List.of(record, record)));

    List<Object> parsed = new ObjectMapper().readValue(out.toFile(), new com.fasterxml.jackson.core.type.TypeReference<List<Object>>() { });

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("text", "quote \" backslash \\ newline \n tab \t ☃");
    expected.put("long", Long.MIN_VALUE);
    expected.put("decimal", 1000);
    expected.put("double", 2.5);
    expected.put("bool", false);
    expected.put("null", null);
    expected.put("date", "1999-12-31");
    expected.put("instant", "2024-01-31T10:15:30.123Z");
    expected.put("nested", Map.of("list", List.of(1, Map.of("deep", "yes"))));
    assertThat(parsed).containsExactly(expected, expected);
  }

  @Test
  void writesAnEmptyArrayWhenNoRecordsCame() throws Exception {
    Path pretty = dir.resolve("pretty.json");
    Path compact = dir.resolve("compact.json");

    writeAll(JsonSink.file(pretty), "run-1", List.of(List.of()));
    writeAll(JsonSink.builder(compact).pretty(false).build(), "run-1", List.of());

    assertThat(Files.readString(pretty)).isEqualTo("[]\n");
    assertThat(Files.readString(compact)).isEqualTo("[]\n");
  }

  @Test
  void writesACompactArrayOnOneLine() throws Exception {
    Path out = dir.resolve("compact.json");
    writeAll(JsonSink.builder(out).pretty(false).build(), "run-1",
        List.of(List.of(Record.of("a", 1L)), List.of(Record.of("a", 2L, "b", List.of()))));

    assertThat(Files.readString(out)).isEqualTo("[{\"a\":1},{\"a\":2,\"b\":[]}]\n");
  }

  @Test
  void writesNdjsonForNdjsonFiles() throws Exception {
    Path out = dir.resolve("rows.ndjson");
    writeAll(JsonSink.file(out), "run-1", List.of(List.of(Record.of("a", 1L), Record.of("a", "x\ny"))));

    assertThat(Files.readString(out)).isEqualTo("{\"a\":1}\n{\"a\":\"x\\ny\"}\n");
  }

  @Test
  void resumedRunsEqualUninterruptedRunsInEveryLayout() throws Exception {
    for (JsonSinkFactory layout : List.<JsonSinkFactory>of(JsonSink::file, p -> JsonSink.builder(p).pretty(false).build(),
        NdjsonSink::file)) {
      assertResumeEqualsUninterrupted(layout);
    }
  }

  private void assertResumeEqualsUninterrupted(JsonSinkFactory layout) throws Exception {
    List<Record> first = List.of(employee("1", "1", Map.of()), employee("2", "2", Map.of()));
    List<Record> second = List.of(employee("3", "3", Map.of("k", "v")));
    List<Record> third = List.of(employee("4", "4", Map.of()));
    Path expected = Files.createTempFile(dir, "expected", ".json");
    writeAll(layout.create(expected), "run-a", List.of(first, second, third));

    Path out = Files.createTempFile(dir, "resumed", ".json");
    JsonSink crashed = layout.create(out);
    crashed.open(TestContexts.sink("run-b", null));
    crashed.write(TestChunk.of(first));
    Map<String, Object> checkpoint = throughJson(crashed.state());
    crashed.write(TestChunk.of(second));
    crashed.close();
    Files.writeString(out.resolveSibling(PartFile.partName(out, "run-b")), ",{\"id\":", StandardOpenOption.APPEND);

    JsonSink resumed = layout.create(out);
    resumed.open(TestContexts.sink("run-b", checkpoint));
    resumed.write(TestChunk.of(second));
    resumed.write(TestChunk.of(third));
    resumed.complete();
    resumed.close();

    assertThat(out).hasSameBinaryContentAs(expected);
  }

  @Test
  void appendsToAnExistingNdjsonFile() throws Exception {
    Path out = dir.resolve("dead.ndjson");
    Files.writeString(out, "{\"old\":true}\n");

    writeAll(JsonSink.builder(out).append(true).build(), "run-1", List.of(List.of(Record.of("a", 1L))));

    assertThat(Files.readString(out)).isEqualTo("{\"old\":true}\n{\"a\":1}\n");
  }

  @Test
  void refusesToAppendToAnArray() {
    assertThatThrownBy(() -> JsonSink.builder(dir.resolve("x.json")).append(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("append needs format NDJSON; a JSON array cannot be appended to");
  }

  @Test
  void keepsTheOutputUnderATemporaryNameUntilComplete() throws Exception {
    Path out = dir.resolve("out/x.json");
    JsonSink sink = JsonSink.file(out);
    sink.open(TestContexts.sink("run-3", null));
    sink.write(TestChunk.of(List.of(Record.of("a", 1L))));

    assertThat(out).doesNotExist();
    assertThat(out.resolveSibling(".x.json.run-3.part")).exists();

    sink.close();
    assertThat(out).doesNotExist();
  }

  @FunctionalInterface
  interface JsonSinkFactory {
    JsonSink create(Path path);
  }

  static Map<String, Object> throughJson(Map<String, Object> state) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    @SuppressWarnings("unchecked")
    Map<String, Object> back = mapper.readValue(mapper.writeValueAsString(state), Map.class);
    return back;
  }
}
