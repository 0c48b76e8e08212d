package dev.etlkit.testkit;

import dev.etlkit.ErrorPolicy;
import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.RejectedRecord;
import dev.etlkit.api.Transformer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Runs transformers over items in memory through the real engine (batches, workers, order, error
 * handling), for a unit test of data code: no files, no checkpoints, a fixed clock, every rejection
 * kept.
 *
 * <pre>{@code
 * TestRun<Record> run = TestPipeline.of(EmployeeRules.normalize(), EmployeeRules.validate())
 *     .run(Record.of("id", " 7 ", "email", "ANN@X.IO", ...), Record.of("id", "", ...));
 * assertThat(run.written()).extracting(r -> r.getString("email")).containsExactly("ann@x.io");
 * assertThat(run.rejected()).extracting(RejectedRecord::message).containsExactly("id: must not be blank");
 * assertThat(run.result()).succeeded().hasCounts(2, 1, 1, 0);
 * }</pre>
 */
public final class TestPipeline {

  /** The clock transformers see unless {@link #clock(Clock)} says otherwise: 2025-06-15T12:00:00Z in UTC. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

  private final List<Transformer<?, ?>> steps;
  private Clock clock = CLOCK;
  private int batchSize = 1_000;
  private int workers;

  private TestPipeline(List<Transformer<?, ?>> steps) {
    this.steps = steps;
  }

  /** The transformers, in the order they run; none at all passes the items through. */
  public static TestPipeline of(Transformer<?, ?>... steps) {
    Arrays.stream(steps).forEach(s -> Objects.requireNonNull(s, "step"));
    return new TestPipeline(List.of(steps));
  }

  /** The clock the transformers see (enrichment timestamps, "today" in validation). */
  public TestPipeline clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Items per batch (default 1,000); a small one tests what a stateful step keeps across batches. */
  public TestPipeline batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /**
   * Threads for the unordered transformers (default: the pipeline's, processors − 1): two or more make a
   * transformer that is not thread-safe show it, whatever machine the test runs on.
   */
  public TestPipeline workers(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, was " + workers);
    }
    this.workers = workers;
    return this;
  }

  /**
   * Runs the items, read as a source named "test" (origins "test item 1", ...), through the steps.
   * {@code O} is the type of what reaches the sink; the steps are not typed, so it is not checked.
   */
  public <O> TestRun<O> run(Object... items) {
    return run(Arrays.asList(items));
  }

  /** {@link #run(Object...)} over a collection's items, in its iteration order. */
  public <O> TestRun<O> run(Collection<?> items) {
    CollectingSink<O> sink = CollectingSink.named("collected");
    Pipeline.Builder pipeline = Pipeline.builder("test")
        .source(ListSource.of("test", List.copyOf(items)))
        .sink(sink)
        .batchSize(batchSize)
        .clock(clock)
        .onError(ErrorPolicy.skip().keepErrors(Integer.MAX_VALUE))
        .noCheckpoints();
    if (workers > 0) {
      pipeline.workers(workers);
    }
    steps.forEach(pipeline::transform);
    PipelineResult result = pipeline.build().run();
    return new TestRun<>(result, sink.items(), result.errors());
  }

  /**
   * What a {@link TestPipeline} run gave.
   *
   * @param result the run's result: status, counts, quality report
   * @param written what reached the sink, in input order
   * @param rejected every rejected item with its origin, step, message and violations, in input order
   * @param <O> the type of the items written
   */
  public record TestRun<O>(PipelineResult result, List<O> written, List<RejectedRecord> rejected) {
    public TestRun {
      written = List.copyOf(written);
      rejected = List.copyOf(rejected);
    }
  }
}
