package dev.etlkit;

import static dev.etlkit.testkit.EtlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Retry;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.Violation;
import dev.etlkit.checkpoint.FileCheckpointStore;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.ListSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipelineTest {

  private static Record person(long id) {
    return Record.of("id", id, "name", "person " + id);
  }

  /** Rejects records whose id is divisible by {@code n}, as validation would. */
  private static Transformer<Record, Record> rejectEvery(long n) {
    return new Transformer<>() {
      @Override
      public void transform(Record r, dev.etlkit.api.Emitter<Record> out) {
        if (r.getLong("id") % n == 0) {
          throw new RecordException("id: must not be divisible by " + n, List.of(new Violation("id", "divisible", "must not be divisible by " + n)));
        }
        out.emit(r);
      }

      @Override
      public String name() {
        return "validate";
      }
    };
  }

  @Test
  void keepsInputOrderWithSeveralWorkers() {
    CollectingSink<Record> sink = CollectingSink.create();
    // uneven work per batch makes later batches finish before earlier ones on other workers
    Transformer<Record, Record> uneven = Transformer.map("uneven", r -> {
      long spin = (r.getLong("id") / 10) % 7 == 0 ? 200_000 : 0;
      double x = 0;
      for (long i = 0; i < spin; i++) {
        x += Math.sqrt(i);
      }
      return x < 0 ? r.with("never", true) : r;
    });
    PipelineResult result = Pipeline.builder("order")
        .source(ListSource.generate("numbers", 20_000, PipelineTest::person))
        .transform(uneven)
        .sink(sink)
        .batchSize(10)
        .workers(4)
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).succeeded().hasCounts(20_000, 20_000, 0, 0);
    assertThat(sink.items()).extracting(r -> r.getLong("id")).containsExactlyElementsOf(LongStream.range(0, 20_000).boxed().toList());
  }

  @Test
  void rejectsABadRecordAloneAndWritesTheRestOfItsBatch() {
    CollectingSink<Record> sink = CollectingSink.create();
    PipelineResult result = Pipeline.builder("reject")
        .source(ListSource.generate("numbers", 10, i -> person(i + 1)))
        .transform(rejectEvery(4))
        .sink(sink)
        .batchSize(100)
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).succeeded().hasCounts(10, 8, 2, 0)
        .hasErrors("validate rejected numbers item 4: id: must not be divisible by 4",
            "validate rejected numbers item 8: id: must not be divisible by 4");
    assertThat(sink.items()).extracting(r -> r.getLong("id")).containsExactly(1L, 2L, 3L, 5L, 6L, 7L, 9L, 10L);
    assertThat(result.errors().get(0).violations()).containsExactly(new Violation("id", "divisible", "must not be divisible by 4"));
    assertThat(result.errors().get(0).raw()).isEqualTo(person(4));
    assertThat(result.quality().ruleFailures()).containsEntry("id.divisible", 2L);
    assertThat(result.quality().fields().get("id")).isEqualTo(new QualityReport.FieldQuality(10, 0, 2));
  }

  @Test
  void tellsApartTwoSourcesWithTheSameNameInItsErrors() {
    PipelineResult result = Pipeline.builder("same names")
        .source(ListSource.generate("x.csv", 4, i -> person(i + 1)))
        .source(ListSource.generate("x.csv", 4, i -> person(i + 5)))
        .source(ListSource.generate("y.csv", 4, i -> person(i + 9)))
        .transform(rejectEvery(4))
        .sink(CollectingSink.discarding())
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).hasErrors("validate rejected x.csv (source 1) item 4: id: must not be divisible by 4",
        "validate rejected x.csv (source 2) item 4: id: must not be divisible by 4",
        "validate rejected y.csv item 4: id: must not be divisible by 4");
  }

  @Test
  void failsTheRunWhenTheErrorRateCrossesItsLimit() {
    CollectingSink<Record> sink = CollectingSink.create();
    PipelineResult result = Pipeline.builder("rate")
        .source(ListSource.generate("numbers", 100, i -> person(i + 1)))
        .transform(rejectEvery(10))
        .sink(sink)
        .batchSize(20)
        .onError(ErrorPolicy.skip().maxErrorRate(0.05))
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).failedWith("error rate 10.00% (2 of 20 records rejected) exceeds the limit of 5.00%;"
        + " first: validate rejected numbers item 10: id: must not be divisible by 10");
    assertThat(result.read()).isZero();
    assertThat(sink.items()).isEmpty();
    assertThat(sink.isCompleted()).isFalse();
    assertThat(sink.isClosed()).isTrue();
  }

  @Test
  void failsFastAtTheFirstRejectedRecordBeforeWritingItsBatch() {
    CollectingSink<Record> sink = CollectingSink.create();
    PipelineResult result = Pipeline.builder("fast")
        .source(ListSource.generate("numbers", 30, i -> person(i + 1)))
        .transform(rejectEvery(15))
        .sink(sink)
        .batchSize(10)
        .workers(1)
        .onError(ErrorPolicy.failFast())
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).failedWith("fail-fast error policy: a record was rejected;"
        + " first: validate rejected numbers item 15: id: must not be divisible by 15").hasCounts(10, 10, 0, 0);
    assertThat(sink.items()).hasSize(10);
  }

  @Test
  void aRecordASinkRefusesFailsFastAfterItsBatchIsWrittenAndCheckpointed(@TempDir Path dir) {
    CollectingSink<Record> refusing = CollectingSink.rejecting(r -> r.getLong("id") == 15);
    CollectingSink<Record> after = CollectingSink.named("after");
    Pipeline pipeline = Pipeline.builder("refused")
        .source(ListSource.generate("numbers", 30, i -> person(i + 1)))
        .sink(refusing)
        .sink(after)
        .batchSize(10)
        .onError(ErrorPolicy.failFast())
        .checkpoints(FileCheckpointStore.in(dir))
        .build();

    PipelineResult result = pipeline.run();

    assertThat(result).failedWith("fail-fast error policy: a record was rejected;"
        + " first: sink 'collect' rejected numbers item 15: rejected by test sink").hasCounts(20, 19, 1, 0);
    assertThat(after.items()).hasSize(19).noneMatch(r -> r.getLong("id") == 15);
    assertThat(pipeline.resume(result.runId())).as("the rejection counts in the resume too")
        .failedWithMessageContaining("fail-fast error policy: a record was rejected").hasCounts(20, 19, 1, 0);
  }

  @Test
  void failsWhenMoreRecordsThanAllowedAreRejected() {
    PipelineResult result = Pipeline.builder("max")
        .source(ListSource.generate("numbers", 100, i -> person(i + 1)))
        .transform(rejectEvery(10))
        .sink(CollectingSink.create())
        .batchSize(50)
        .onError(ErrorPolicy.skip().maxErrors(5))
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).failedWith("10 records rejected, more than the limit of 5;"
        + " first: validate rejected numbers item 60: id: must not be divisible by 10").hasCounts(50, 45, 5, 0);
  }

  @Test
  void sendsRejectedRecordsToTheDeadLetterWithTheirReasons() {
    CollectingSink<Record> dead = CollectingSink.named("rejected");
    PipelineResult result = Pipeline.builder("dead")
        .source(ListSource.generate("numbers", 6, i -> person(i + 1)))
        .transform(rejectEvery(3))
        .sink(CollectingSink.create())
        .onError(ErrorPolicy.skip().deadLetter(dead))
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).succeeded().hasCounts(6, 4, 2, 0);
    assertThat(dead.items()).hasSize(2);
    Record letter = dead.items().get(0);
    assertThat(letter).hasFieldNames("runId", "source", "position", "step", "message", "violations", "record")
        .hasField("runId", result.runId())
        .hasField("source", "numbers")
        .hasField("position", "item 3")
        .hasField("step", "validate")
        .hasField("message", "id: must not be divisible by 3")
        .hasField("record", person(3).asMap());
  }

  @Test
  void countsRecordsThatSinksRejectAndWritesTheOthers() {
    CollectingSink<Record> sink = CollectingSink.rejecting(r -> r.getLong("id") == 2);
    PipelineResult result = Pipeline.builder("sink-reject")
        .source(ListSource.generate("numbers", 4, i -> person(i + 1)))
        .sink(sink)
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).succeeded().hasCounts(4, 3, 1, 0).hasErrors("sink 'collect' rejected numbers item 2: rejected by test sink");
    assertThat(result.writtenPerSink()).containsEntry("collect", 3L);
  }

  @Test
  void givesALaterSinkOnlyWhatTheEarlierSinksTook() {
    CollectingSink<Record> first = CollectingSink.rejecting(r -> r.getLong("id") % 3 == 0);
    CollectingSink<Record> second = CollectingSink.rejecting(r -> r.getLong("id") == 5);
    CollectingSink<Record> third = CollectingSink.named("file");
    PipelineResult result = Pipeline.builder("sink-order")
        .source(ListSource.generate("numbers", 10, i -> person(i + 1)))
        .sink(first)
        .sink(second)
        .sink(third)
        .batchSize(4)
        .noCheckpoints()
        .build()
        .run();

    // 3, 6 and 9 rejected by the first sink, 5 by the second: each once, and in no later output
    assertThat(result).succeeded().hasCounts(10, 6, 4, 0).hasErrors(
        "sink 'collect' rejected numbers item 3: rejected by test sink",
        "sink 'collect#2' rejected numbers item 5: rejected by test sink",
        "sink 'collect' rejected numbers item 6: rejected by test sink",
        "sink 'collect' rejected numbers item 9: rejected by test sink");
    assertThat(second.batchSizes()).containsExactly(3, 3, 1);
    assertThat(third.batchSizes()).containsExactly(3, 2, 1);
    assertThat(third.items()).extracting(r -> r.getLong("id")).containsExactly(1L, 2L, 4L, 7L, 8L, 10L);
    assertThat(result.writtenPerSink()).containsEntry("collect", 7L).containsEntry("collect#2", 6L).containsEntry("file", 6L);
  }

  @Test
  void refusesToBuildWithoutSourceOrSink() {
    assertThatThrownBy(() -> Pipeline.builder("empty").build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("pipeline 'empty' needs at least one source" + System.lineSeparator() + "pipeline 'empty' needs at least one sink");
  }

  @Test
  void rejectsABatchSizeBelowOne() {
    assertThatThrownBy(() -> Pipeline.builder("p").batchSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize must be >= 1, was 0");
  }

  /** What a listener hears after each batch of a run over {@code records} people in batches of 10. */
  private static List<Progress> progressOf(int records) {
    List<Progress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    PipelineResult result = Pipeline.builder("progress")
        .source(ListSource.generate("numbers", records, PipelineTest::person))
        .sink(CollectingSink.create())
        .batchSize(10)
        .listener(new PipelineListener() {
          @Override
          public void batchCommitted(Progress progress) {
            seen.add(progress);
          }
        })
        .noCheckpoints()
        .build()
        .run();
    assertThat(result).succeeded().hasCounts(records, records, 0, 0);
    return seen;
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "20, 2", "25, 3"})
  void reportsOneBatchPerBatchTheSinksWrote(int records, int batches) {
    assertThat(progressOf(records)).hasSize(batches);
  }

  @Test
  void reportsProgressAfterEveryBatch() {
    assertThat(progressOf(25)).extracting(Progress::batches, Progress::read, Progress::written)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 10L, 10L), org.assertj.core.groups.Tuple.tuple(2L, 20L, 20L),
            org.assertj.core.groups.Tuple.tuple(3L, 25L, 25L));
  }

  @Test
  void runsATransformerThatEmitsSeveralItemsOrNone() {
    Transformer<Record, Record> split = new Transformer<>() {
      @Override
      public void transform(Record r, dev.etlkit.api.Emitter<Record> out) {
        for (long i = 0; i < r.getLong("id"); i++) {
          out.emit(r.with("copy", i));
        }
      }
    };
    CollectingSink<Record> sink = CollectingSink.create();
    PipelineResult result = Pipeline.builder("split")
        .source(ListSource.of(person(0), person(2)))
        .transform(split)
        .sink(sink)
        .noCheckpoints()
        .build()
        .run();

    assertThat(result.filtered()).isEqualTo(1);
    assertThat(result.added()).isEqualTo(1);   // person 2 became two records
    assertThat(result).succeeded().countsAddUp();
    assertThat(result.written()).isEqualTo(2);
    assertThat(sink.items()).extracting(r -> r.getLong("copy")).containsExactly(0L, 1L);
  }

  @Test
  void passesOnWhatAStepEmittedOnlyOnceItReturnedAndRejectsALaterStepsFailureAlone() {
    // person n becomes n copies; person 3's split emits two copies, then fails
    Transformer<Record, Record> split = new Transformer<>() {
      @Override
      public void transform(Record r, dev.etlkit.api.Emitter<Record> out) {
        for (long i = 0; i < Math.min(r.getLong("id"), 2); i++) {
          out.emit(r.with("copy", i));
        }
        if (r.getLong("id") == 3) {
          throw new IllegalStateException("cannot split person 3");
        }
      }

      @Override
      public String name() {
        return "split";
      }
    };
    java.util.concurrent.atomic.AtomicInteger seenAfterSplit = new java.util.concurrent.atomic.AtomicInteger();
    Transformer<Record, Record> rejectSecondCopy = new Transformer<>() {
      @Override
      public void transform(Record r, dev.etlkit.api.Emitter<Record> out) {
        seenAfterSplit.incrementAndGet();
        if (r.getLong("copy") == 1) {
          throw new RecordException("copy: must not be 1", List.of(new Violation("copy", "one", "must not be 1")));
        }
        out.emit(r);
      }

      @Override
      public String name() {
        return "validate";
      }
    };
    CollectingSink<Record> sink = CollectingSink.create();
    PipelineResult result = Pipeline.builder("split")
        .source(ListSource.of(person(1), person(2), person(3), person(4)))
        .transform(split)
        .transform(rejectSecondCopy)
        .sink(sink)
        .noCheckpoints()
        .build()
        .run();

    assertThat(sink.items()).extracting(r -> r.getLong("id") + "/" + r.getLong("copy"))
        .containsExactly("1/0", "2/0", "4/0");
    assertThat(seenAfterSplit).hasValue(5);
    assertThat(result.errors()).extracting(RejectedRecord::step, RejectedRecord::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("validate", "copy: must not be 1"),
            org.assertj.core.groups.Tuple.tuple("split", "cannot split person 3"),
            org.assertj.core.groups.Tuple.tuple("validate", "copy: must not be 1"));
    // persons 2 and 4 split in two; person 3's copies went back when its split failed
    assertThat(result.added()).isEqualTo(2);
    assertThat(result).countsAddUp().hasCounts(4, 3, 3, 0);
  }

  @Test
  void measuresTheErrorRateOverTheItemsHandledSplitOnesIncluded() {
    // each person becomes ten items, of which three are rejected: 30% of what the run handled
    Transformer<Record, Record> tenfold = new Transformer<>() {
      @Override
      public void transform(Record r, dev.etlkit.api.Emitter<Record> out) {
        for (long i = 0; i < 10; i++) {
          out.emit(r.with("copy", i));
        }
      }
    };
    Transformer<Record, Record> rejectThree = Transformer.map("validate", r -> {
      if (r.getLong("copy") < 3) {
        throw new RecordException("copy: must be 3 or more");
      }
      return r;
    });

    PipelineResult result = Pipeline.builder("split")
        .source(ListSource.generate("people", 10, PipelineTest::person))
        .transform(tenfold)
        .transform(rejectThree)
        .sink(CollectingSink.discarding())
        .onError(ErrorPolicy.skip().maxErrorRate(0.5))
        .noCheckpoints()
        .build()
        .run();

    assertThat(result).succeeded().countsAddUp().hasCounts(10, 70, 30, 0);
    assertThat(result.quality().errorRate()).isEqualTo(0.3);
  }

  @Test
  void failsARunWhoseTransformerBothEmitsAnItemAndCallsItADuplicate() {
    Transformer<Record, Record> confused = new Transformer<>() {
      @Override
      public void transform(Record r, dev.etlkit.api.Emitter<Record> out) {
        out.emit(r);
        out.duplicate();
      }

      @Override
      public String name() {
        return "confused";
      }
    };

    PipelineResult result = Pipeline.builder("both").source(ListSource.generate("people", 3, PipelineTest::person))
        .transform(confused).sink(CollectingSink.create()).noCheckpoints().build().run();

    assertThat(result).failedWith("transformer 'confused' emitted 1 item for people item 1 and also called duplicate();"
        + " a duplicate is dropped, so emit nothing for it");
  }

  @Test
  void failsARunWhoseTransformerThrowsAnErrorUnderThatErrorsName() {
    Transformer<Record, Record> deep = Transformer.map("deep", r -> {
      throw new StackOverflowError();
    });

    PipelineResult result = Pipeline.builder("error").source(ListSource.generate("people", 3, PipelineTest::person))
        .transform(deep).sink(CollectingSink.create()).noCheckpoints().build().run();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure()).isEqualTo("StackOverflowError");
  }

  @Test
  void usesTheRetryPolicyGivenToTheBuilder() {
    assertThat(Retry.exponential(2, Duration.ofMillis(100)).delayBefore(2, null))
        .isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
  }
}
