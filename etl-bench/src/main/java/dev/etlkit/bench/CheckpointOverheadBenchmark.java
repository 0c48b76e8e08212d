package dev.etlkit.bench;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.checkpoint.FileCheckpointStore;
import dev.etlkit.redis.RedisCheckpointStore;
import dev.etlkit.sinks.csv.CsvSink;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.ListSource;
import dev.etlkit.transform.Deduplicate;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.jspecify.annotations.Nullable;

/**
 * What checkpoints cost: employee-like records → deduplicate by id (whose state goes to the checkpoint
 * log every batch) → a CSV file or a discarding sink, at batch size 1,000, with no checkpoints, with
 * the file store, and with the Redis store ({@code REDIS_URL}, else 127.0.0.1:6379), each at the
 * default checkpoint interval (200 ms) and saving after every batch ({@code -each-batch}). Scores are
 * records per second; the overhead of a store is {@code 1 - store / none} for the same sink.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CheckpointOverheadBenchmark {

  // long enough that a run's fixed cost (its first and last save) does not pass for per-batch overhead
  private static final int RECORDS = 1_000_000;
  private static final int DISTINCT = 900_000;
  private static final String PREFIX = "etl-bench";

  @Param({"none", "file", "redis", "file-each-batch", "redis-each-batch"})
  public String checkpoints;

  @Param({"discard", "csv"})
  public String sink;

  private List<Record> records;
  private Path dir;
  private @Nullable CheckpointStore store;
  private int run;
  /** Run ids unique to this trial, so that a store holding checkpoints of an earlier, killed trial is no obstacle. */
  private final String trial = Long.toHexString(System.nanoTime());

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    records = new ArrayList<>(RECORDS);
    LocalDate day = LocalDate.of(2020, 1, 1);
    for (long i = 0; i < RECORDS; i++) {
      long id = i % DISTINCT;
      records.add(Record.of("id", "E" + id, "name", "Person " + i, "email", "p" + id + "@example.com",
          "age", 20 + i % 40, "salary", BigDecimal.valueOf(3_000_000 + i, 2), "joinDate", day.plusDays(i % 1_500),
          "isActive", i % 2 == 0));
    }
    dir = Files.createTempDirectory("etl-checkpoint-bench-");
    store = switch (checkpoints.replace("-each-batch", "")) {
      case "file" -> FileCheckpointStore.in(dir.resolve("checkpoints"));
      case "redis" -> RedisCheckpointStore.builder()
          .url(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379")).prefix(PREFIX).build();
      default -> null;
    };
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long pipeline() {
    Sink<?> out = sink.equals("csv") ? CsvSink.file(dir.resolve("out.csv")) : CollectingSink.discarding();
    Pipeline.Builder b = Pipeline.builder("checkpoint-overhead")
        .source(ListSource.of("memory", records))
        .transform(Deduplicate.by("id"))
        .sink(out)
        .batchSize(1_000);
    if (checkpoints.endsWith("-each-batch")) {
      b.checkpointInterval(Duration.ZERO);
    }
    PipelineResult r = (store == null ? b.noCheckpoints() : b.checkpoints(store)).build().run(runId(run++));
    if (r.written() != DISTINCT) {
      throw new IllegalStateException("unexpected result: " + r);
    }
    return r.written();
  }

  /** Old runs' checkpoints and logs would pile up in the store. */
  @TearDown(Level.Invocation)
  public void forgetRun() {
    if (store != null) {
      store.delete(runId(run - 1));
    }
  }

  private String runId(int n) {
    return "bench-" + trial + "-" + n;
  }

  @TearDown(Level.Trial)
  public void cleanUp() throws IOException {
    if (store != null) {
      store.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
