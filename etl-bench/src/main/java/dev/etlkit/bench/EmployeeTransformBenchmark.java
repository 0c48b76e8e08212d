package dev.etlkit.bench;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.TransformContext;
import dev.etlkit.api.Transformer;
import dev.etlkit.examples.employee.EmployeeRules;
import dev.etlkit.examples.employee.SampleEmployees;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.ListSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Transform throughput of the employee profile (normalize → validate → enrich → deduplicate) on
 * 1,000,000 generated raw records ({@link SampleEmployees}, fixed seed, about 5% invalid and 2%
 * duplicates), through a real pipeline with one worker and with all of them; and validation alone,
 * declarative rules against Hibernate Validator, on the same records normalized. Scores are records
 * per second (one operation = one record).
 *
 * <pre>{@code
 * mvn -q package -DskipTests -pl etl-bench -am
 * java -jar etl-bench/target/benchmarks.jar EmployeeTransformBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class EmployeeTransformBenchmark {

  private static final int RECORDS = 1_000_000;

  /** The raw records, and the same records normalized. */
  @State(Scope.Benchmark)
  public static class Data {
    List<Record> raw;
    List<Record> normalized;

    @Setup(Level.Trial)
    public void generate() throws Exception {
      raw = SampleEmployees.generate(RECORDS, 42);
      normalized = new ArrayList<>(RECORDS);
      Transformer<Record, Record> normalize = EmployeeRules.normalize();
      Emitter<Record> into = emitter(normalized);
      for (Record r : raw) {
        normalize.transform(r, into);
      }
    }
  }

  /** How many worker threads the pipeline gets; 2 is every core of the machine the figures came from. */
  @State(Scope.Benchmark)
  public static class Workers {
    @Param({"1", "2"})
    public int workers;
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long profile(Data data, Workers w) {
    return run(data.raw, w.workers, EmployeeRules.transformers(true, true, true, true));
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long profileWithBeanValidation(Data data, Workers w) {
    return run(data.raw, w.workers, List.of(EmployeeRules.normalize(), EmployeeRules.validateWithBeans(),
        EmployeeRules.enrich(), EmployeeRules.deduplicate()));
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long validateWithRules(Data data, Blackhole bh) throws Exception {
    return validateAll(EmployeeRules.validateWithRules(), data.normalized, bh);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long validateWithHibernateValidator(Data data, Blackhole bh) throws Exception {
    return validateAll(EmployeeRules.validateWithBeans(), data.normalized, bh);
  }

  private static long run(List<Record> records, int workers, List<Transformer<Record, Record>> steps) {
    Pipeline.Builder b = Pipeline.builder("employees")
        .source(ListSource.of("memory", records))
        .sink(CollectingSink.discarding())
        .batchSize(1_000)
        .workers(workers)
        .noCheckpoints();
    steps.forEach(b::transform);
    PipelineResult r = b.build().run();
    if (r.read() != records.size() || r.read() != r.rejected() + r.duplicates() + r.written()) {
      throw new IllegalStateException("counts do not add up: " + r);
    }
    return r.written();
  }

  private static long validateAll(Transformer<Record, Record> validate, List<Record> records, Blackhole bh) throws Exception {
    validate.open(new TransformContext() {
      @Override
      public String runId() {
        return "bench";
      }

      @Override
      public Clock clock() {
        return Clock.systemDefaultZone();
      }
    });
    Emitter<Record> out = new Emitter<>() {
      @Override
      public void emit(Record item) {
        bh.consume(item);
      }

      @Override
      public void duplicate() {
      }
    };
    long rejected = 0;
    for (Record r : records) {
      try {
        validate.transform(r, out);
      } catch (RecordException e) {
        bh.consume(e);
        rejected++;
      }
    }
    return rejected;
  }

  private static Emitter<Record> emitter(List<Record> into) {
    return new Emitter<>() {
      @Override
      public void emit(Record item) {
        into.add(item);
      }

      @Override
      public void duplicate() {
      }
    };
  }
}
