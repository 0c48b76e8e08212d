package dev.etlkit.bench.e2e;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Record;
import dev.etlkit.examples.employee.EmployeeRules;
import dev.etlkit.sources.csv.CsvSource;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.ListSource;
import java.nio.file.Path;
import java.util.List;

/**
 * Transform throughput of the employee profile with 1 and with 2 workers: the generated CSV is read
 * into memory once, then pipelines over it (in-memory source → normalize, validate, enrich,
 * deduplicate → discarding sink, no checkpoints) run alternately with 1 and 2 workers, so that neither
 * parsing nor writing is measured. One warm-up run of each first. Prints one line per measured run in
 * the harness's format: {@code scaling, workers-N, run, seconds, 0}.
 *
 * <pre>{@code
 * java -cp etl-bench/target/benchmarks.jar dev.etlkit.bench.e2e.TransformScaling employees.csv 5 929746
 * }</pre>
 */
public final class TransformScaling {

  private TransformScaling() {
  }

  /** Arguments: the CSV file, the number of measured runs of each, the expected number written. */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: TransformScaling FILE.csv RUNS EXPECTED_WRITTEN");
      System.exit(2);
    }
    Path csv = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    long expected = Long.parseLong(args[2]);
    CollectingSink<Record> collected = CollectingSink.create();
    PipelineResult load = Pipeline.builder("load").source(CsvSource.file(csv).build()).sink(collected)
        .noCheckpoints().build().run();
    if (!load.succeeded()) {
      throw new IllegalStateException("cannot read " + csv + ": " + load);
    }
    List<Record> records = List.copyOf(collected.items());
    run(records, 1, expected);
    run(records, 2, expected);
    for (int k = 1; k <= runs; k++) {
      for (int workers = 1; workers <= 2; workers++) {
        double seconds = run(records, workers, expected);
        System.out.printf("scaling\tworkers-%d\t%d\t%.3f\t0%n", workers, k, seconds);
        System.err.printf("scaling/workers-%d run %d: %.2f s%n", workers, k, seconds);
      }
    }
  }

  private static double run(List<Record> records, int workers, long expected) {
    Pipeline.Builder b = Pipeline.builder("scaling")
        .source(ListSource.of("memory", records))
        .sink(CollectingSink.discarding())
        .batchSize(1_000)
        .workers(workers)
        .noCheckpoints();
    EmployeeRules.transformers(true, true, true, true).forEach(b::transform);
    long t0 = System.nanoTime();
    PipelineResult r = b.build().run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!r.succeeded() || r.written() != expected) {
      throw new IllegalStateException("expected " + expected + " written, got " + r);
    }
    return seconds;
  }
}
