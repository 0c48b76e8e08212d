package dev.etlkit.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceItem;
import dev.etlkit.sources.csv.CsvSource;
import dev.etlkit.sources.json.JsonFormat;
import dev.etlkit.sources.json.JsonSource;
import dev.etlkit.testkit.TestContexts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Read throughput of the CSV and NDJSON sources (records with positions, as the engine gets them)
 * beside a bare Univocity loop and a bare Jackson loop over the same generated files, in the same run.
 * Scores are records per second (one operation = one record). The target: {@code csvSource} within 15%
 * of {@code csvBareUnivocity} (Univocity's defaults, which read ahead on a second thread) and of
 * {@code csvBareUnivocityOneThread}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class SourceReadBenchmark {

  private static final int RECORDS = 200_000;

  private Path dir;
  private Path csv;
  private Path ndjson;
  private final ObjectReader jackson = new ObjectMapper().readerFor(Map.class);

  @Setup(Level.Trial)
  public void generate() throws IOException {
    dir = Files.createTempDirectory("source-read-bench");
    csv = dir.resolve("employees.csv");
    ndjson = dir.resolve("employees.ndjson");
    try (BufferedWriter c = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        BufferedWriter j = Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8)) {
      c.write("id,name,email,age,department,salary,joinDate,isActive\n");
      for (int i = 0; i < RECORDS; i++) {
        String name = (i % 10 == 0 ? "Zoë " : "John ") + "Doe " + i;
        c.write(i + ",\"" + name + ", Jr\",john" + i + "@example.com," + (20 + i % 40) + ",Engineering,"
            + (50_000 + i % 1_000) + ".50,2020-01-" + (10 + i % 18) + ",true\n");
        j.write("{\"id\":\"" + i + "\",\"name\":\"" + name + "\",\"email\":\"john" + i + "@example.com\",\"age\":"
            + (20 + i % 40) + ",\"department\":\"Engineering\",\"salary\":" + (50_000 + i % 1_000)
            + ".50,\"joinDate\":\"2020-01-" + (10 + i % 18) + "\",\"isActive\":true,\"metadata\":{\"level\":" + (i % 5) + "}}\n");
      }
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(csv);
    Files.deleteIfExists(ndjson);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void csvSource(Blackhole bh) throws Exception {
    drain(CsvSource.file(csv).build(), bh);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void csvBareUnivocity(Blackhole bh) {
    bareUnivocity(new CsvParserSettings(), bh);
  }

  /** Univocity reading on the caller's thread only, as the source does: the fairer baseline on a busy machine. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void csvBareUnivocityOneThread(Blackhole bh) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setReadInputOnSeparateThread(false);
    bareUnivocity(settings, bh);
  }

  private void bareUnivocity(CsvParserSettings settings, Blackhole bh) {
    settings.setHeaderExtractionEnabled(true);
    CsvParser parser = new CsvParser(settings);
    parser.beginParsing(csv.toFile(), StandardCharsets.UTF_8);
    for (String[] row = parser.parseNext(); row != null; row = parser.parseNext()) {
      bh.consume(row);
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void ndjsonSource(Blackhole bh) throws Exception {
    drain(JsonSource.file(ndjson).format(JsonFormat.NDJSON).build(), bh);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void ndjsonBareJackson(Blackhole bh) throws IOException {
    try (MappingIterator<Map<String, Object>> it = jackson.readValues(ndjson.toFile())) {
      while (it.hasNext()) {
        bh.consume(it.next());
      }
    }
  }

  private static void drain(Source<Record> source, Blackhole bh) throws Exception {
    try (source) {
      source.open(TestContexts.source(null));
      for (SourceItem<Record> item = source.read(); item != null; item = source.read()) {
        bh.consume(item);
      }
    }
  }
}
