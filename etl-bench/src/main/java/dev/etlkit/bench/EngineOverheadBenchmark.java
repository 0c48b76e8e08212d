package dev.etlkit.bench;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.ListSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the engine costs per record: in-memory source → identity transform → discarding sink, at one
 * and several workers, beside a plain loop that applies the same identity function to the same items.
 * Scores are records per second (one operation = one record).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineOverheadBenchmark {

  private static final int RECORDS = 1_000_000;

  @Param({"1", "2"})
  public int workers;

  private List<Record> records;
  private final Function<Record, Record> identity = r -> r;

  @Setup(Level.Trial)
  public void generate() {
    records = new ArrayList<>(RECORDS);
    for (long i = 0; i < RECORDS; i++) {
      records.add(Record.of("id", i, "name", "person " + i, "email", "p" + i + "@example.com"));
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long pipeline() {
    PipelineResult r = Pipeline.builder("overhead")
        .source(ListSource.of("memory", records))
        .transform(Transformer.map("identity", identity))
        .sink(CollectingSink.discarding())
        .batchSize(1_000)
        .workers(workers)
        .noCheckpoints()
        .build()
        .run();
    if (r.written() != RECORDS) {
      throw new IllegalStateException("lost records: " + r);
    }
    return r.written();
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void plainLoop(Blackhole bh) {
    for (Record r : records) {
      bh.consume(identity.apply(r));
    }
  }
}
