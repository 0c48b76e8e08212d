package dev.etlkit.sinks.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.etlkit.api.EtlException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.testkit.TestChunk;
import dev.etlkit.testkit.TestContexts;
import dev.etlkit.sinks.file.PartFile;
import dev.etlkit.testkit.SinkContract;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSinkTest extends SinkContract<Record> {

  @Override
  protected Sink<Record> createSink(Path dir) {
    return CsvSink.file(dir.resolve("contract.csv"));
  }

  @Override
  protected List<Record> sampleItems() {
    return List.of(Record.of("id", "1", "name", "Ann"), Record.of("id", "2", "name", "Bo, Jr."),
        Record.of("id", "3", "name", "Cy \"C\""), Record.of("id", "4", "name", "Dee\nDee"));
  }

  @Override
  protected List<Record> readBack(Path dir) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(true);
    settings.setLineSeparatorDetectionEnabled(false);
    settings.getFormat().setLineSeparator("\n");
    CsvParser parser = new CsvParser(settings);
    List<com.univocity.parsers.common.record.Record> rows = parser.parseAllRecords(dir.resolve("contract.csv").toFile(),
        StandardCharsets.UTF_8);
    String[] headers = parser.getRecordMetadata() == null ? new String[0] : parser.getRecordMetadata().headers();
    return rows.stream().map(row -> {
      Record.Builder b = Record.builder();
      for (String h : headers) {
        b.put(h, row.getString(h));
      }
      return b.build();
    }).toList();
  }

  @TempDir
  Path dir;

  static CsvSink.Builder employeeCsv(Path path) {
    return CsvSink.builder(path)
        .column("id", "ID").column("name", "Name").column("email", "Email").column("age", "Age")
        .column("department", "Department").column("salary", "Salary").column("joinDate", "Join Date")
        .column("isActive", "Is Active")
        .booleans("Yes", "No");
  }

  static Record employee(String id, String name, String email, long age, String dept, String salary, String joined,
      boolean active) {
    return Record.builder().put("id", id).put("name", name).put("email", email).put("age", age)
        .put("department", dept).put("salary", new BigDecimal(salary)).put("joinDate", LocalDate.parse(joined))
        .put("isActive", active).put("metadata", Map.of("salaryGrade", "Mid")).build();
  }

  static void writeAll(CsvSink sink, String runId, List<List<Record>> batches) throws Exception {
    sink.open(TestContexts.sink(runId, null));
    for (List<Record> batch : batches) {
      sink.write(TestChunk.of(batch));
    }
    sink.complete();
    sink.close();
  }

  @Test
  void sinksDefineThemselvesByWhereAndHowTheyWriteButNeverByAPassword() {
    Path a = dir.resolve("a").resolve("out.csv");
    Path b = dir.resolve("b").resolve("out.csv");

    assertThat(CsvSink.file(a).definition()).isEqualTo(CsvSink.file(a).definition())
        .isNotEqualTo(CsvSink.file(b).definition())
        .isNotEqualTo(CsvSink.builder(a).column("email", "E").build().definition())
        .isNotEqualTo(CsvSink.builder(a).delimiter(';').build().definition())
        .isNotEqualTo(CsvSink.builder(a).booleans("Y", "N").build().definition())
        .isNotEqualTo(CsvSink.builder(a).lineSeparator("\r\n").build().definition());
    assertThat(dev.etlkit.sinks.json.JsonSink.file(a).definition())
        .isNotEqualTo(dev.etlkit.sinks.json.JsonSink.file(b).definition());
    String upsert = dev.etlkit.sinks.postgres.PostgresSink.table("employees")
        .url("postgresql://etl:s3cr3t@db:5432/hr").upsertOn("id").build().definition();
    assertThat(upsert)
        .isEqualTo(dev.etlkit.sinks.postgres.PostgresSink.table("employees")
            .url("postgresql://etl:other@db2:5432/hr").upsertOn("id").build().definition())
        .isNotEqualTo(dev.etlkit.sinks.postgres.PostgresSink.table("employees")
            .url("postgresql://etl:s3cr3t@db:5432/hr").upsertOn("email").build().definition())
        .doesNotContain("s3cr3t");
  }

  @Test
  void writesEmployeeCsvWithExactBytes() throws Exception {
    Path out = dir.resolve("employees.csv");
    writeAll(employeeCsv(out).build(), "run-1", List.of(
        List.of(employee("1", "John Doe", "john@example.com", 30, "Engineering", "75000.00", "2020-01-15", true),
            employee("2", "Mary O'Brien, Jr.", "mary@example.com", 41, "Sales", "75000.50", "2019-12-01", false)),
        List.of(employee("3", "Zoë \"Zee\" Åberg", "zoe@example.com", 29, "HR", "1.2E+5", "2021-06-30", true))));

    assertThat(Files.readString(out)).isEqualTo("""
        ID,Name,Email,Age,Department,Salary,Join Date,Is Active
        1,John Doe,john@example.com,30,Engineering,75000,2020-01-15,Yes
        2,"Mary O'Brien, Jr.",mary@example.com,41,Sales,75000.5,2019-12-01,No
        3,"Zoë ""Zee"" Åberg",zoe@example.com,29,HR,120000,2021-06-30,Yes
        """);
    assertThat(Files.readAllBytes(out)).startsWith("ID,".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void quotesOnlyCellsHoldingCommaQuoteCrOrLf() throws Exception {
    Path out = dir.resolve("quoting.csv");
    writeAll(CsvSink.builder(out).column("v", "v").build(), "run-1", List.of(List.of(
        Record.of("v", "plain"), Record.of("v", "  spaced  "), Record.of("v", "a,b"), Record.of("v", "say \"hi\""),
        Record.of("v", "line\nbreak"), Record.of("v", "cr\rhere"), Record.of("v", "crlf\r\nkept"),
        Record.of("v", "semi;colon'apostrophe#"), Record.of("v", ""), Record.of("v", null))));

    assertThat(Files.readString(out)).isEqualTo("v\nplain\n  spaced  \n\"a,b\"\n\"say \"\"hi\"\"\"\n\"line\nbreak\"\n"
        + "\"cr\rhere\"\n\"crlf\r\nkept\"\nsemi;colon'apostrophe#\n\n\n");
  }

  @Test
  void formatsValuesOfEveryType() throws Exception {
    Path out = dir.resolve("types.csv");
    writeAll(CsvSink.builder(out).header(false).datePattern("dd/MM/yyyy").build(), "run-1", List.of(List.of(
        Record.of("long", -5L, "decimal", new BigDecimal("0.000"), "big", new BigDecimal("1E+21"),
            "double", 1.5e20, "bool", false, "date", LocalDate.of(2024, 2, 29),
            "instant", java.time.Instant.parse("2024-01-31T10:15:30Z"),
            "map", Map.of("k", List.of(1L, "x")), "text", "-5"))));

    assertThat(Files.readString(out)).isEqualTo(
        "-5,0,1000000000000000000000,150000000000000000000,false,29/02/2024,2024-01-31T10:15:30Z,"
            + "\"{\"\"k\"\":[1,\"\"x\"\"]}\",-5\n");
  }

  @Test
  void writesTextAsUtf8WithLoneSurrogatesAsQuestionMarks() throws Exception {
    Path out = dir.resolve("utf8.csv");
    writeAll(CsvSink.builder(out).header(false).build(), "run-1", List.of(List.of(
        Record.of("v", "Zoë € \uD83D\uDE00"), Record.of("v", "lone \uD800, quoted"))));

    assertThat(Files.readAllBytes(out))
        .isEqualTo("Zoë € \uD83D\uDE00\n\"lone ?, quoted\"\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesNumbersAndIsoDatesAsTheirToStringWouldWithoutQuotes() throws Exception {
    List<Object> values = List.of(0L, 7L, -1L, 10L, 1_000_000L, Long.MAX_VALUE, Long.MIN_VALUE,
        LocalDate.of(2024, 2, 29), LocalDate.of(5, 1, 9), LocalDate.of(9999, 12, 31), LocalDate.of(10_000, 1, 1),
        LocalDate.of(-1, 3, 4));
    List<Record> rows = values.stream().map(v -> Record.of("v", v, "w", v)).toList();
    String expected = values.stream().map(v -> v + "," + v + "\n").collect(java.util.stream.Collectors.joining());
    Path out = dir.resolve("numbers.csv");
    writeAll(CsvSink.builder(out).header(false).build(), "run-1", List.of(rows));
    assertThat(Files.readString(out)).isEqualTo(expected);

    // with '-' as the delimiter a negative number or a date must be quoted
    Path dashed = dir.resolve("dashed.csv");
    writeAll(CsvSink.builder(dashed).header(false).delimiter('-').build(), "run-1",
        List.of(List.of(Record.of("n", -12L, "d", LocalDate.of(2024, 1, 2), "p", 3L))));
    assertThat(Files.readString(dashed)).isEqualTo("\"-12\"-\"2024-01-02\"-3\n");
  }

  @Test
  void takesColumnsFromTheFirstRecordWhenNoneAreConfigured() throws Exception {
    Path out = dir.resolve("derived.csv");
    writeAll(CsvSink.file(out), "run-1", List.of(
        List.of(Record.of("b", "1", "a", "2")),
        List.of(Record.of("a", "4", "c", "5", "b", "3"))));

    assertThat(Files.readString(out)).isEqualTo("b,a\n1,2\n3,4\n");
  }

  @Test
  void escapesFormulaCellsOnlyWhenAsked() throws Exception {
    List<List<Record>> rows = List.of(List.of(Record.of("v", "=1+2"), Record.of("v", "+x"), Record.of("v", "-x"),
        Record.of("v", "@SUM(A1)"), Record.of("v", "a=b"), Record.of("v", -3L)));
    Path plain = dir.resolve("plain.csv");
    Path escaped = dir.resolve("escaped.csv");

    writeAll(CsvSink.builder(plain).header(false).build(), "run-1", rows);
    writeAll(CsvSink.builder(escaped).header(false).escapeFormulas(true).build(), "run-1", rows);

    assertThat(Files.readString(plain)).isEqualTo("=1+2\n+x\n-x\n@SUM(A1)\na=b\n-3\n");
    assertThat(Files.readString(escaped)).isEqualTo("'=1+2\n'+x\n'-x\n'@SUM(A1)\na=b\n-3\n");
  }

  @Test
  void writesCrLfLineEndingsWhenAsked() throws Exception {
    Path out = dir.resolve("crlf.csv");
    writeAll(CsvSink.builder(out).lineSeparator("\r\n").delimiter(';').build(), "run-1",
        List.of(List.of(Record.of("a", "1;2", "b", "x"))));

    assertThat(Files.readString(out)).isEqualTo("a;b\r\n\"1;2\";x\r\n");
  }

  @Test
  void keepsTheOutputUnderATemporaryNameUntilComplete() throws Exception {
    Path out = dir.resolve("nested/deeper/out.csv");
    CsvSink sink = CsvSink.file(out);
    sink.open(TestContexts.sink("run-7", null));
    sink.write(TestChunk.of(List.of(Record.of("a", "1"))));

    Path part = out.resolveSibling(".out.csv.run-7.part");
    assertThat(out).doesNotExist();
    assertThat(part).hasContent("a\n1");

    sink.complete();
    sink.close();
    assertThat(part).doesNotExist();
    assertThat(out).hasContent("a\n1");
  }

  @Test
  void resumedRunTruncatesToTheCommittedLengthAndEqualsAnUninterruptedRun() throws Exception {
    List<Record> first = List.of(employee("1", "Ann Lee", "ann@example.com", 30, "HR", "50000", "2020-01-01", true));
    List<Record> second = List.of(employee("2", "Bo Chan", "bo@example.com", 31, "Sales", "60000", "2020-02-01", false));
    List<Record> third = List.of(employee("3", "Cy Diaz", "cy@example.com", 32, "Finance", "70000", "2020-03-01", true));
    Path expected = dir.resolve("expected.csv");
    writeAll(CsvSink.file(expected), "run-a", List.of(first, second, third));

    Path out = dir.resolve("resumed.csv");
    CsvSink crashed = CsvSink.file(out);
    crashed.open(TestContexts.sink("run-b", null));
    crashed.write(TestChunk.of(first));
    Map<String, Object> checkpoint = throughJson(crashed.state());
    crashed.write(TestChunk.of(second));
    crashed.close();
    Path part = out.resolveSibling(PartFile.partName(out, "run-b"));
    Files.writeString(part, "2,half a ro", java.nio.file.StandardOpenOption.APPEND);

    CsvSink resumed = CsvSink.file(out);
    resumed.open(TestContexts.sink("run-b", checkpoint));
    resumed.write(TestChunk.of(second));
    resumed.write(TestChunk.of(third));
    resumed.complete();
    resumed.close();

    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
  }

  @Test
  void refusesToResumeWhenTheFileInProgressIsGone() throws Exception {
    Path out = dir.resolve("gone.csv");
    CsvSink sink = CsvSink.file(out);

    assertThatThrownBy(() -> sink.open(TestContexts.sink("run-9", Map.of("length", 10L))))
        .isInstanceOf(EtlException.class)
        .hasMessage("cannot resume " + out + ": its file in progress " + dir.resolve(".gone.csv.run-9.part")
            + " is missing");
  }

  @Test
  void appendsRowsWithoutASecondHeader() throws Exception {
    Path out = dir.resolve("log.csv");
    writeAll(CsvSink.builder(out).append(true).build(), "run-1", List.of(List.of(Record.of("a", "1"))));
    writeAll(CsvSink.builder(out).append(true).build(), "run-2", List.of(List.of(Record.of("a", "2"))));

    assertThat(out).hasContent("a\n1\n2");
    assertThat(Files.list(dir)).containsExactly(out);
  }

  @Test
  void appendsOnANewLineToAFileThatEndsInTheMiddleOfOne() throws Exception {
    Path out = Files.writeString(dir.resolve("log.csv"), "a,b\n1,2");
    writeAll(CsvSink.builder(out).append(true).build(), "run-1", List.of(List.of(Record.of("a", "3", "b", "4"))));

    assertThat(out).hasContent("a,b\n1,2\n3,4");
  }

  @Test
  void refusesToAppendUnderAHeaderWithOtherColumns() throws Exception {
    Path out = Files.writeString(dir.resolve("log.csv"), "a,b\r\n1,2\r\n");
    CsvSink sink = CsvSink.builder(out).append(true).build();
    sink.open(TestContexts.sink("run-1", null));

    assertThatThrownBy(() -> sink.write(TestChunk.of(List.of(Record.of("b", "4", "a", "3")))))
        .isInstanceOf(dev.etlkit.api.EtlException.class)
        .hasMessage("cannot append to " + out + ": its header is [a, b] and this sink's is [b, a];"
            + " give the columns in the file's order");
    sink.close();
    assertThat(out).hasContent("a,b\r\n1,2\r\n");
    writeAll(CsvSink.builder(out).append(true).build(), "run-2", List.of(List.of(Record.of("a", "3", "b", "4"))));
    assertThat(out).hasContent("a,b\r\n1,2\r\n3,4");
  }

  @Test
  void appendsUnderAHeaderWrittenWithABomQuotesOrSpaces() throws Exception {
    Path out = dir.resolve("bom.csv");
    Files.write(out, "\uFEFF\"a\", b\r\n1,2\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    writeAll(CsvSink.builder(out).append(true).build(), "run-1", List.of(List.of(Record.of("a", "3", "b", "4"))));

    assertThat(Files.readString(out)).isEqualTo("\uFEFF\"a\", b\r\n1,2\r\n3,4\n");
  }

  @Test
  void writesTheHeaderAgainWhenTheSameSinkRunsAgain() throws Exception {
    Path out = dir.resolve("again.csv");
    CsvSink sink = CsvSink.file(out);
    writeAll(sink, "run-1", List.of(List.of(Record.of("a", "1"))));
    writeAll(sink, "run-2", List.of(List.of(Record.of("b", "2", "c", "3"))));

    assertThat(out).hasContent("b,c\n2,3");
  }

  @Test
  void namesAFieldThatFirstAppearsAfterTheFirstRecordInsteadOfDroppingItSilently() throws Exception {
    Path out = dir.resolve("late.csv");
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream before = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      writeAll(CsvSink.file(out), "run-1", List.of(List.of(Record.of("a", "1"), Record.of("a", "2", "note", "x")),
          List.of(Record.of("a", "3", "note", "y"))));
    } finally {
      System.setErr(before);
    }

    assertThat(out).hasContent("a\n1\n2\n3");
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
        .containsOnlyOnce("field 'note' first appears after the first record");
  }

  @Test
  void refusesADatePatternThatNeedsMoreThanADateWhenItIsGiven() {
    assertThatThrownBy(() -> CsvSink.builder(dir.resolve("x.csv")).datePattern("yyyy/MM/dd HH:mm"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("datePattern 'yyyy/MM/dd HH:mm' needs more than a date: Unsupported field: HourOfDay");
  }

  @Test
  void refusesADestinationThatIsADirectoryAtOpen() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out.csv"));

    assertThatThrownBy(() -> CsvSink.file(out).open(TestContexts.sink(null)))
        .isInstanceOf(dev.etlkit.api.EtlException.class)
        .hasMessage("cannot write " + out + ": it is a directory; give a file name");
  }

  @Test
  void refusesASecondSinkWritingTheSameFileInOneRun() throws Exception {
    Path out = dir.resolve("same.csv");
    try (CsvSink first = CsvSink.file(out); CsvSink second = CsvSink.builder(out).column("a", "A").build()) {
      first.open(TestContexts.sink(null));

      assertThatThrownBy(() -> second.open(TestContexts.sink(null)))
          .isInstanceOf(dev.etlkit.api.EtlException.class)
          .hasMessage("cannot write " + out + ": another sink writes it in this process; give each sink a destination of its own");
    }
    writeAll(CsvSink.file(out), "run-2", List.of(List.of(Record.of("a", "1"))));   // free again once closed
    assertThat(out).hasContent("a\n1");
  }

  @Test
  void seesTheSameFileThroughAnotherSpellingOrALinkedDirectory() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    Path out = real.resolve("same.csv");
    for (Path other : List.of(real.resolve("./same.csv"), real.resolve("../real/same.csv"), link.resolve("same.csv"))) {
      for (boolean append : List.of(false, true)) {
        try (CsvSink first = CsvSink.builder(out).append(append).build();
            CsvSink second = CsvSink.builder(other).append(append).build()) {
          first.open(TestContexts.sink(null));

          assertThatThrownBy(() -> second.open(TestContexts.sink(null))).as(other + (append ? " appended" : ""))
              .hasMessageEndingWith("another sink writes it in this process; give each sink a destination of its own");
        }
      }
    }
  }

  @Test
  void writesOnlyTheHeaderWhenNoRecordsCame() throws Exception {
    Path out = dir.resolve("empty.csv");
    writeAll(employeeCsv(out).build(), "run-1", List.of());

    assertThat(Files.readString(out)).isEqualTo("ID,Name,Email,Age,Department,Salary,Join Date,Is Active\n");
  }

  /** Checkpoint stores keep sink state as JSON: numbers come back as Integer or Long. */
  static Map<String, Object> throughJson(Map<String, Object> state) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    @SuppressWarnings("unchecked")
    Map<String, Object> back = mapper.readValue(mapper.writeValueAsString(state), Map.class);
    return back;
  }
}
