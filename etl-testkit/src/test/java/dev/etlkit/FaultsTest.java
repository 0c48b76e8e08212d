package dev.etlkit;

import static dev.etlkit.testkit.EtlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Record;
import dev.etlkit.api.RetriableException;
import dev.etlkit.api.Retry;
import dev.etlkit.api.Sink;
import dev.etlkit.api.Transformer;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.FailingSink;
import dev.etlkit.testkit.FlakySource;
import dev.etlkit.checkpoint.FileCheckpointStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultsTest {

  private static final List<Record> TEN = IntStream.range(0, 10).mapToObj(i -> Record.of("id", (long) i)).toList();

  @Test
  void retriesATransientSourceFaultWithBackoffAndThenSucceeds() {
    FlakySource<Record> source = FlakySource.of(TEN, 4, 2);
    CollectingSink<Record> sink = CollectingSink.create();
    PipelineResult result = Pipeline.builder("flaky")
        .source(source)
        .sink(sink)
        .retry(Retry.exponential(3, Duration.ofMillis(100)))
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).succeeded().hasCounts(10, 10, 0, 0);
    assertThat(sink.items()).isEqualTo(TEN);
    List<Long> at = source.attemptNanos();
    assertThat(at).hasSize(3);
    // full jitter keeps each delay between half and all of 100 ms, then 200 ms
    assertThat(Duration.ofNanos(at.get(1) - at.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    assertThat(Duration.ofNanos(at.get(2) - at.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void givesUpWhenTheRetriesRunOutAndKeepsWhatWasCommitted() {
    FlakySource<Record> source = FlakySource.of(TEN, 5, 10);
    CollectingSink<Record> sink = CollectingSink.create();
    PipelineResult result = Pipeline.builder("flaky")
        .source(source)
        .sink(sink)
        .batchSize(2)
        .retry(Retry.exponential(2, Duration.ofMillis(10)))
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).failedWith("read from flaky failed after 3 attempts: service unavailable (injected failure 3)")
        .hasCounts(5, 5, 0, 0);
    assertThat(source.failures()).isEqualTo(3);
    assertThat(sink.items()).isEqualTo(TEN.subList(0, 5));
  }

  @ParameterizedTest(name = "maxRetries {0}")
  @ValueSource(ints = {0, 1, 2})
  void callsATransformerThatKeepsFailingTransientlyMaxRetriesPlusOneTimes(int maxRetries) {
    AtomicInteger calls = new AtomicInteger();
    PipelineResult result = Pipeline.builder("transform-retry")
        .source(dev.etlkit.testkit.ListSource.of("one", List.of(Record.of("id", 3L))))
        .transform(Transformer.<Record, Record>map("flaky", r -> {
          calls.incrementAndGet();
          throw new RetriableException("service unavailable");
        }))
        .sink(CollectingSink.create())
        .retry(Retry.exponential(maxRetries, Duration.ofMillis(1)))
        .noCheckpoints()
        .build()
        .run();

    assertThat(calls.get()).isEqualTo(maxRetries + 1);
    assertThat(result).failedWith(maxRetries == 0 ? "service unavailable"
        : "transformer 'flaky' on one item 1 failed after " + (maxRetries + 1) + " attempts: service unavailable");
  }

  @Test
  void tellsAFailureOverSeveralLinesInOne() {
    Sink<Record> sink = new Sink<>() {
      @Override
      public String name() {
        return "table";
      }

      @Override
      public void write(Chunk<Record> chunk) {
        throw new EtlException("ERROR: relation \"nosuch\" does not exist\n  Position: 32\r\n");
      }
    };
    PipelineResult result = Pipeline.builder("lines")
        .source(dev.etlkit.testkit.ListSource.of("ten", TEN))
        .sink(sink)
        .noCheckpoints()
        .build()
        .run();

    assertThat(result.failure()).isNotNull().doesNotContain("\n").doesNotContain("\r")
        .endsWith("ERROR: relation \"nosuch\" does not exist Position: 32");
  }

  private static Pipeline collecting(CollectingSink<Record> collect, int failAtBatch, Path checkpoints) {
    return Pipeline.builder("collect")
        .source(dev.etlkit.testkit.ListSource.of("ten", TEN))
        .sink(collect)
        .sink(FailingSink.fatalAtBatch(failAtBatch, () -> new IOException("disk full")))
        .batchSize(2)
        .checkpoints(FileCheckpointStore.in(checkpoints))
        .build();
  }

  @Test
  void aCollectingSinkResumedGoesOnFromTheCheckpoint(@TempDir Path dir) {
    CollectingSink<Record> collect = CollectingSink.create();
    assertThat(collecting(collect, 3, dir).run("run-1").succeeded()).isFalse();
    assertThat(collect.items()).hasSize(6); // the failed batch reached it

    PipelineResult resumed = collecting(collect, 1_000, dir).resume("run-1");

    assertThat(resumed).succeeded();
    assertThat(collect.items()).isEqualTo(TEN);
    assertThat(collect.count()).isEqualTo(10);
  }

  @Test
  void aNewCollectingSinkOnResumeCountsOnFromTheCheckpoint(@TempDir Path dir) {
    assertThat(collecting(CollectingSink.create(), 3, dir).run("run-1").succeeded()).isFalse();
    CollectingSink<Record> fresh = CollectingSink.create();

    PipelineResult resumed = collecting(fresh, 1_000, dir).resume("run-1");

    assertThat(resumed).succeeded();
    assertThat(fresh.count()).isEqualTo(10);
    assertThat(fresh.items()).isEqualTo(TEN.subList(10 - fresh.items().size(), 10)).isNotEmpty();
  }

  @Test
  void retriesATransientSinkFaultWithTheSameBatch() {
    FailingSink<Record> sink = FailingSink.transientAtBatch(2, 2);
    PipelineResult result = Pipeline.builder("sink-retry")
        .source(dev.etlkit.testkit.ListSource.of("ten", TEN))
        .sink(sink)
        .batchSize(4)
        .retry(Retry.exponential(3, Duration.ofMillis(1)))
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).succeeded().hasCounts(10, 10, 0, 0);
    assertThat(sink.items()).isEqualTo(TEN);
    assertThat(sink.attempts()).isEqualTo(5);
  }

  @Test
  void failsAtOnceOnAFatalSinkErrorWithoutTreatingRecordsAsBad() {
    FailingSink<Record> sink = FailingSink.fatalAtBatch(2, () -> new IOException("No space left on device"));
    CollectingSink<Record> dead = CollectingSink.named("dead");
    PipelineResult result = Pipeline.builder("disk-full")
        .source(dev.etlkit.testkit.ListSource.of("ten", TEN))
        .sink(sink)
        .batchSize(4)
        .onError(ErrorPolicy.skip().deadLetter(dead))
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).failedWith("IOException: No space left on device").hasCounts(4, 4, 0, 0);
    assertThat(sink.attempts()).isEqualTo(2);
    assertThat(dead.items()).isEmpty();
  }

  @Test
  void endsAFailedRunWithoutAnyOfItsThreadsDyingOfAnUncaughtException() throws Exception {
    List<Throwable> uncaught = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
    try {
      // the reader may hand over its last batch just as the failed run shuts its workers down
      for (int run = 0; run < 40; run++) {
        PipelineResult result = Pipeline.builder("disk-full")
            .source(dev.etlkit.testkit.ListSource.of("ten", TEN))
            .sink(FailingSink.fatalAtBatch(3, () -> new IOException("No space left on device")))
            .batchSize(2)
            .noCheckpoints()
            .build()
            .run();
        assertThat(result).failedWith("IOException: No space left on device");
      }
      Thread.sleep(200);
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
    assertThat(uncaught).isEmpty();
  }
}
