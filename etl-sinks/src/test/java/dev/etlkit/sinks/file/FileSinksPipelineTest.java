package dev.etlkit.sinks.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.checkpoint.FileCheckpointStore;
import dev.etlkit.sinks.csv.CsvSink;
import dev.etlkit.sinks.json.JsonSink;
import dev.etlkit.sinks.json.NdjsonSink;
import dev.etlkit.testkit.FailingSink;
import dev.etlkit.testkit.ListSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinksPipelineTest {

  @TempDir
  Path dir;

  private static ListSource<Record> people() {
    return ListSource.generate("people", 47, i -> Record.of("id", "p" + i, "name", "Person, " + i,
        "salary", new BigDecimal(i + "000.50"), "joined", LocalDate.of(2020, 1, 1).plusDays(i), "active", i % 2 == 0));
  }

  private Pipeline pipeline(Path out, Sink<Record> last) {
    return Pipeline.builder("files")
        .source(people())
        .sink(CsvSink.builder(out.resolve("people.csv")).booleans("Yes", "No").build())
        .sink(JsonSink.file(out.resolve("people.json")))
        .sink(NdjsonSink.file(out.resolve("people.ndjson")))
        .sink(last)
        .batchSize(10)
        .checkpoints(FileCheckpointStore.in(out.resolve(".etl")))
        .build();
  }

  @Test
  void resumedRunLeavesFilesEqualToAnUninterruptedRun() throws Exception {
    Path straight = dir.resolve("straight");
    assertThat(pipeline(straight, FailingSink.fatalAtBatch(99, IllegalStateException::new)).run().succeeded())
        .isTrue();

    Path crashed = dir.resolve("crashed");
    PipelineResult failed = pipeline(crashed, FailingSink.fatalAtBatch(3, () -> new IllegalStateException("disk on fire")))
        .run();
    assertThat(failed.succeeded()).isFalse();
    assertThat(crashed.resolve("people.csv")).doesNotExist();

    PipelineResult resumed = pipeline(crashed, FailingSink.fatalAtBatch(99, IllegalStateException::new))
        .resume(failed.runId());

    assertThat(resumed.succeeded()).isTrue();
    assertThat(List.copyOf(resumed.writtenPerSink().keySet())).startsWith("people.csv", "people.json", "people.ndjson");
    for (String file : new String[] {"people.csv", "people.json", "people.ndjson"}) {
      assertThat(crashed.resolve(file)).hasSameBinaryContentAs(straight.resolve(file));
    }
    assertThat(Files.readString(crashed.resolve("people.csv"))).startsWith("id,name,salary,joined,active\n"
        + "p0,\"Person, 0\",0.5,2020-01-01,Yes\np1,\"Person, 1\",1000.5,2020-01-02,No\n");
    try (var leftovers = Files.list(crashed)) {
      assertThat(leftovers.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part"))).isEmpty();
    }
  }

  /** Takes every batch, but cannot publish its output until told it can. */
  private static final class UnpublishableSink implements Sink<Record> {
    private final boolean canPublish;
    int completions;

    UnpublishableSink(boolean canPublish) {
      this.canPublish = canPublish;
    }

    @Override
    public String name() {
      return "archive";
    }

    @Override
    public void write(dev.etlkit.api.Chunk<Record> chunk) {
    }

    @Override
    public void complete() throws java.io.IOException {
      if (!canPublish) {
        throw new java.io.IOException("archive is read-only");
      }
      completions++;
    }
  }

  @Test
  void aSinkThatCannotPublishLeavesARunThatTheResumeFinishesWithoutReopeningTheFilesAlreadyPublished() throws Exception {
    Path straight = dir.resolve("straight");
    assertThat(pipeline(straight, new UnpublishableSink(true)).run().succeeded()).isTrue();

    Path out = dir.resolve("out");
    PipelineResult failed = pipeline(out, new UnpublishableSink(false)).run();
    assertThat(failed.failure()).isEqualTo("IOException: archive is read-only");
    assertThat(out.resolve("people.ndjson")).exists();   // published before the archive failed

    UnpublishableSink archive = new UnpublishableSink(true);
    PipelineResult resumed = pipeline(out, archive).resume(failed.runId());

    assertThat(resumed.succeeded()).isTrue();
    assertThat(resumed.written()).isEqualTo(47);
    assertThat(archive.completions).isEqualTo(1);
    for (String file : new String[] {"people.csv", "people.json", "people.ndjson"}) {
      assertThat(out.resolve(file)).hasSameBinaryContentAs(straight.resolve(file));
    }
  }

  @Test
  void anAppendingSinkDoesNotAppendTheFirstBatchTwiceWhenTheRunFailsInIt() throws Exception {
    Path out = dir.resolve("log.csv");
    Files.writeString(out, "id\n0\n");
    java.util.function.Function<Sink<Record>, Pipeline> build = after -> Pipeline.builder("append")
        .source(ListSource.generate("ids", 3, i -> Record.of("id", i + 1)))
        .sink(CsvSink.builder(out).append(true).build())
        .sink(after)
        .batchSize(10)
        .checkpoints(FileCheckpointStore.in(dir.resolve(".etl")))
        .build();

    PipelineResult failed = build.apply(FailingSink.fatalAtBatch(1, () -> new java.io.IOException("boom"))).run();
    assertThat(failed.succeeded()).isFalse();
    PipelineResult resumed = build.apply(FailingSink.fatalAtBatch(99, IllegalStateException::new)).resume(failed.runId());

    assertThat(resumed.succeeded()).isTrue();
    assertThat(Files.readString(out)).isEqualTo("id\n0\n1\n2\n3\n");
  }

  /** Cannot tell its state before its first write; that write fails on a first run. */
  private static final class LazySink implements Sink<Record> {
    private final boolean fails;
    private int writes;

    LazySink(boolean fails) {
      this.fails = fails;
    }

    @Override
    public String name() {
      return "lazy";
    }

    @Override
    public void write(dev.etlkit.api.Chunk<Record> chunk) throws java.io.IOException {
      if (fails) {
        throw new java.io.IOException("lazy sink: disk full");
      }
      writes++;
    }

    @Override
    public java.util.Map<String, Object> state() {
      if (writes == 0) {
        throw new IllegalStateException("no state before the first write");
      }
      return java.util.Map.of("writes", (long) writes);
    }
  }

  @Test
  void anAppendingSinkKeepsItsOpeningStateWhenAnotherSinkCannotTellItsOwn() throws Exception {
    Path out = dir.resolve("log2.csv");
    Files.writeString(out, "id\n0\n");
    java.util.function.Function<Sink<Record>, Pipeline> build = lazy -> Pipeline.builder("append")
        .source(ListSource.generate("ids", 3, i -> Record.of("id", i + 1)))
        .sink(CsvSink.builder(out).append(true).build())
        .sink(lazy)
        .batchSize(10)
        .checkpoints(FileCheckpointStore.in(dir.resolve(".etl2")))
        .build();

    PipelineResult failed = build.apply(new LazySink(true)).run();
    assertThat(failed.failure()).isEqualTo("IOException: lazy sink: disk full");
    PipelineResult resumed = build.apply(new LazySink(false)).resume(failed.runId());

    assertThat(resumed.succeeded()).isTrue();
    assertThat(Files.readString(out)).isEqualTo("id\n0\n1\n2\n3\n");
  }

  @Test
  void aFailedRunWithoutCheckpointsLeavesNoWorkFilesAndTheAppendedFileAsItWas() throws Exception {
    Path out = Files.createDirectories(dir.resolve("nocp"));
    Path log = Files.writeString(out.resolve("log.csv"), "id\n0");   // no final line end: one is added, then undone

    PipelineResult failed = Pipeline.builder("no checkpoints")
        .source(people())
        .sink(CsvSink.file(out.resolve("people.csv")))
        .sink(CsvSink.builder(log).append(true).column("id", "id").build())
        .sink(FailingSink.fatalAtBatch(3, () -> new IllegalStateException("disk on fire")))
        .batchSize(10)
        .noCheckpoints()
        .build()
        .run();

    assertThat(failed.succeeded()).isFalse();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("log.csv");
    }
    assertThat(Files.readString(log)).isEqualTo("id\n0");
  }

  @Test
  void aSinkWhoseOpenFailsLetsGoOfItsFileSoTheNextRunMeetsTheSameError() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
    Path out = Files.createDirectories(dir.resolve("full"));
    // the work file of run r1 is a disk that is always full
    Files.createSymbolicLink(out.resolve(PartFile.partName(out.resolve("out.json").toAbsolutePath(), "r1")), Path.of("/dev/full"));
    Pipeline pipeline = Pipeline.builder("full").source(people()).sink(JsonSink.file(out.resolve("out.json")))
        .checkpoints(FileCheckpointStore.in(out.resolve(".etl"))).build();

    PipelineResult first = pipeline.run("r1");
    PipelineResult second = pipeline.resume("r1");

    assertThat(first.failure()).contains("No space left on device");
    assertThat(second.failure()).isEqualTo(first.failure());
  }

  @Test
  void failsWithAPlainReasonWhenTheOutputDirectoryCannotBeCreated() throws Exception {
    Files.writeString(dir.resolve("blocker"), "a file, not a directory");

    PipelineResult result = Pipeline.builder("files")
        .source(people())
        .sink(CsvSink.builder(dir.resolve("blocker/out/people.csv")).build())
        .noCheckpoints()
        .build()
        .run();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure()).startsWith("cannot create the directory " + dir.resolve("blocker/out") + " for people.csv: ")
        .doesNotContain("Exception");
  }
}
