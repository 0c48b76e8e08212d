package dev.etlkit.testkit;

import dev.etlkit.Pipeline;
import java.util.List;

/**
 * The pipeline that {@link CrashHarness} runs, kills and resumes in forked JVMs. Implement it in a
 * public class with a public no-argument constructor: each JVM makes its own instance.
 *
 * <pre>{@code
 * public class NumbersToCsv implements CrashPipeline {
 *   public Pipeline.Builder build(CrashContext context) {
 *     return Pipeline.builder("numbers")
 *         .source(ListSource.generate("numbers", 300_000, i -> Record.of("id", i)))
 *         .sink(context.watch(MySink.file(context.outputDir().resolve("numbers.csv"))))
 *         .batchSize(1_000);
 *   }
 * }
 * }</pre>
 *
 * <p>The pipeline must make the same output every time it runs over the same input, whatever the run
 * id, and must not depend on the clock. Leave the checkpoint store alone: the harness sets it.
 */
public interface CrashPipeline {

  /**
   * The pipeline writing its files under {@link CrashContext#outputDir()}; wrap each sink with
   * {@link CrashContext#watch} so that the harness can kill the run in the middle of a write.
   */
  Pipeline.Builder build(CrashContext context) throws Exception;

  /**
   * Outputs that are not files under the output directory (the rows of a table, say, one string per
   * row in a stable order), compared with an uninterrupted run's in the test's JVM. None by default.
   */
  default List<String> otherOutputs(CrashContext context) throws Exception {
    return List.of();
  }
}
