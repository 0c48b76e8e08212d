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
 * Transform throughput with 1 and with 2 workers: the generated CSV is read into memory once, then
 * pipelines over it (in-memory source → transformers → discarding sink, no checkpoints) run alternately
 * with 1 and 2 workers, so that neither parsing nor writing is measured. Two sets: {@code workers-N},
 * the transformers that workers run (normalize, validate, enrich), and {@code profile-N}, the whole
 * employee profile, whose deduplication runs in input order on the writer thread whatever the number
 * of workers. Five warm-up runs of each first. Prints one line per measured run in the harness's format:
 * {@code scaling, workers-N or profile-N, run, seconds, 0}.
 *
 * <pre>{@code
 * java -cp etl-bench/target/benchmarks.jar dev.etlkit.bench.e2e.TransformScaling employees.csv 5 929746 20236
 * }</pre>
 */
public final class TransformScaling {

  private static final int WARM_UP_RUNS = 5;

  private TransformScaling() {
  }

  /** Arguments: the CSV file, the number of measured runs of each, the expected number written, the duplicates. */
  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: TransformScaling FILE.csv RUNS EXPECTED_WRITTEN DUPLICATES");
      System.exit(2);
    }
    Path csv = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    long expected = Long.parseLong(args[2]);
    long duplicates = Long.parseLong(args[3]);
    CollectingSink<Record> collected = CollectingSink.create();
    PipelineResult load = Pipeline.builder("load").source(CsvSource.file(csv).build()).sink(collected)
        .noCheckpoints().build().run();
    if (!load.succeeded()) {
      throw new IllegalStateException("cannot read " + csv + ": " + load);
    }
    List<Record> records = List.copyOf(collected.items());
    for (boolean dedup : new boolean[] {false, true}) {
      long written = dedup ? expected : expected + duplicates;
      // throughput once the JIT has compiled the transforms: until then its threads take the cores
      for (int warmUp = 0; warmUp < WARM_UP_RUNS; warmUp++) {
        run(records, 1, dedup, written);
        run(records, 2, dedup, written);
      }
      for (int k = 1; k <= runs; k++) {
        for (int workers = 1; workers <= 2; workers++) {
          double seconds = run(records, workers, dedup, written);
          String tool = (dedup ? "profile-" : "workers-") + workers;
          System.out.printf("scaling\t%s\t%d\t%.3f\t0%n", tool, k, seconds);
          System.err.printf("scaling/%s run %d: %.2f s%n", tool, k, seconds);
        }
      }
    }
  }

  private static double run(List<Record> records, int workers, boolean dedup, long expected) {
    Pipeline.Builder b = Pipeline.builder("scaling")
        .source(ListSource.of("memory", records))
        .sink(CollectingSink.discarding())
        .batchSize(1_000)
        .workers(workers)
        .noCheckpoints();
    EmployeeRules.transformers(true, dedup, true, true).forEach(b::transform);
    long t0 = System.nanoTime();
    PipelineResult r = b.build().run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!r.succeeded() || r.written() != expected) {
      throw new IllegalStateException("expected " + expected + " written, got " + r);
    }
    return seconds;
  }
}
