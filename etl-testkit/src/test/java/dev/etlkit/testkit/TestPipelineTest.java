package dev.etlkit.testkit;

import static dev.etlkit.testkit.EtlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.RejectedRecord;
import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import dev.etlkit.transform.Deduplicate;
import dev.etlkit.transform.FieldOp;
import dev.etlkit.transform.Normalize;
import dev.etlkit.transform.Validate;
import dev.etlkit.transform.ValueType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestPipelineTest {

  private static final Transformer<Record, Record> NORMALIZE = Normalize.builder()
      .field("email", FieldOp.trim(), FieldOp.lowerCase())
      .field("joined", FieldOp.parseDate(List.of("yyyy-MM-dd")))
      .build();

  private static Transformer<Record, Record> validate() {
    return Validate.fields()
        .field("id").required().type(ValueType.STRING)
        .field("email").required().email()
        .field("joined").type(ValueType.DATE).notInFuture()
        .build();
  }

  @Test
  void runsTheStepsThroughTheEngineAndKeepsWhatWasWrittenAndWhatWasRejected() {
    TestPipeline.TestRun<Record> run = TestPipeline.of(NORMALIZE, validate(), Deduplicate.by("id")).batchSize(2)
        .run(Record.of("id", "1", "email", " ANN@X.IO ", "joined", "2024-01-02"),
            Record.of("id", "2", "email", "not an email", "joined", "2024-01-02"),
            Record.of("id", "3", "email", "bo@x.io", "joined", "2025-06-16"),
            Record.of("id", "1", "email", "ann@x.io", "joined", "2024-01-02"));

    assertThat(run.written()).containsExactly(Record.of("id", "1", "email", "ann@x.io", "joined", LocalDate.of(2024, 1, 2)));
    assertThat(run.rejected()).extracting(r -> r.origin().toString(), RejectedRecord::step)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("test item 2", "validate"),
            org.assertj.core.groups.Tuple.tuple("test item 3", "validate"));
    assertThat(run.rejected().get(1).message()).contains("joined");
    assertThat(run.result()).succeeded().hasCounts(4, 1, 2, 1);
  }

  @Test
  void runsTransformersOnAsManyWorkersAsItIsTold() {
    CountDownLatch bothIn = new CountDownLatch(2);
    Transformer<Record, Record> meet = Transformer.map("meet", (Record r) -> {
      bothIn.countDown();
      try {
        // two batches in flight at once reach here together only with two workers
        return r.with("concurrent", bothIn.await(10, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });

    TestPipeline.TestRun<Record> run = TestPipeline.of(meet).batchSize(1).workers(2)
        .run(Record.of("id", "1"), Record.of("id", "2"));

    assertThat(run.written()).extracting(r -> r.get("concurrent")).containsExactly(true, true);
  }

  @Test
  void transformersSeeTheClockItIsGiven() {
    Record joinedMidJune = Record.of("id", "3", "email", "bo@x.io", "joined", "2025-06-16");

    assertThat(TestPipeline.of(NORMALIZE, validate()).run(joinedMidJune).rejected()).hasSize(1);
    Clock july = Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC);
    assertThat(TestPipeline.of(NORMALIZE, validate()).clock(july).run(joinedMidJune).written()).hasSize(1);
  }
}
