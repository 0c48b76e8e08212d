package dev.etlkit.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.Pipeline;
import dev.etlkit.api.Chunk;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkContext;
import dev.etlkit.api.Transformer;
import dev.etlkit.transform.Deduplicate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashHarnessTest {

  @TempDir
  Path work;

  /**
   * 200,000 records: ids 0..149,999 once, then the 50,000 even ids below 100,000 again, so that the
   * dedup state of the first 100 batches matters to the last 50; every 997th record is rejected.
   * Two text files, both watched.
   */
  public static final class Numbers implements CrashPipeline {
    @Override
    public Pipeline.Builder build(CrashContext context) {
      return Pipeline.builder("numbers")
          .source(ListSource.generate("numbers", 200_000, i -> Record.of("id", i < 150_000 ? i : (i - 150_000) * 2, "seq", i)))
          .transform(Transformer.map("validate", (Record r) -> {
            if (r.getLong("seq") % 997 == 0) {
              throw new RecordException("seq: must not be a multiple of 997");
            }
            return r;
          }))
          .transform(Deduplicate.by("id"))
          .transform(Transformer.map("render", (Record r) -> r.getLong("id") + "," + r.getLong("seq")))
          .sink(context.watch(CrashTextSink.file(context.outputDir().resolve("numbers.txt"))))
          .sink(context.watch(CrashTextSink.file(context.outputDir().resolve("copy.txt"))))
          .batchSize(1_000);
    }
  }

  @Test
  void resumedOutputEqualsUninterruptedAfterAKillBetweenBatches() {
    assertThatCode(() -> CrashHarness.of(Numbers.class).workDir(work).killAfterBatch(37)
        .assertResumedOutputEqualsUninterrupted()).doesNotThrowAnyException();
  }

  @Test
  void resumedOutputEqualsUninterruptedAfterAKillInTheMiddleOfASinkWrite() {
    assertThatCode(() -> CrashHarness.of(Numbers.class).workDir(work).killDuringWrite(120)
        .assertResumedOutputEqualsUninterrupted()).doesNotThrowAnyException();
  }

  @Test
  void resumedOutputEqualsUninterruptedAfterAKillBeforeACheckpointIsSaved() {
    assertThatCode(() -> CrashHarness.of(Numbers.class).workDir(work).killBeforeCheckpoint(80)
        .assertResumedOutputEqualsUninterrupted()).doesNotThrowAnyException();
  }

  @Test
  void resumedOutputEqualsUninterruptedAfterSeveralKills() {
    assertThatCode(() -> CrashHarness.of(Numbers.class).workDir(work)
        .killAfterBatch(10).killDuringWrite(60).killDuringWrite(60).killAfterBatch(99).killBeforeCheckpoint(170)
        .assertResumedOutputEqualsUninterrupted()).doesNotThrowAnyException();
  }

  @Test
  void resumedOutputEqualsUninterruptedAfterAKillBeforeACheckpointAndAnotherKillLater() {
    assertThatCode(() -> CrashHarness.of(Numbers.class).workDir(work).killBeforeCheckpoint(40).killAfterBatch(60)
        .assertResumedOutputEqualsUninterrupted()).doesNotThrowAnyException();
  }

  /** 10,000 fixed-width lines in batches of 100, through a sink that ignores its restored state. */
  public static final class Forgetful implements CrashPipeline {
    @Override
    public Pipeline.Builder build(CrashContext context) {
      return Pipeline.builder("forgetful")
          .source(ListSource.generate("lines", 10_000, i -> String.format("line-%05d", i)))
          .sink(context.watch(new AppendingSink(context.outputDir().resolve("lines.txt"))))
          .batchSize(100);
    }
  }

  /** Appends every batch, and on resume keeps whatever the killed run left: wrong on purpose. */
  static final class AppendingSink implements Sink<String> {
    private final Path path;

    AppendingSink(Path path) {
      this.path = path;
    }

    @Override
    public String name() {
      return path.getFileName().toString();
    }

    @Override
    public void open(SinkContext context) throws IOException {
      if (context.restoredState() == null) {
        Files.deleteIfExists(path);
      }
    }

    @Override
    public void write(Chunk<String> chunk) throws IOException {
      Files.writeString(path, String.join("\n", chunk.items()) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  @Test
  void namesTheFileAndTheFirstDifferentByteWhenASinkIgnoresItsRestoredState() {
    assertThatThrownBy(() -> CrashHarness.of(Forgetful.class).workDir(work).killDuringWrite(4)
        .assertResumedOutputEqualsUninterrupted())
        .isInstanceOf(AssertionError.class)
        .hasMessage("the resumed run's outputs differ from the uninterrupted run's (work directory " + work + "):\n"
            + "lines.txt: line 351 differs first, at byte 3858 (110000 bytes uninterrupted, 110550 resumed):"
            + " uninterrupted has \"line-00350\", resumed has \"line-00300\"");
  }

  @Test
  void killsAfterTheBatchAskedForWithNothingWrittenAfterIt() {
    // The forgetful sink keeps what the killed run wrote: its output is right only when the kill came
    // with the file holding exactly the checkpointed batches, not after the writer went on.
    assertThatCode(() -> CrashHarness.of(Forgetful.class).workDir(work).killAfterBatch(4).killAfterBatch(9)
        .assertResumedOutputEqualsUninterrupted()).doesNotThrowAnyException();
  }

  @Test
  void failsWhenARunEndsBeforeItsKillPoint() {
    assertThatThrownBy(() -> CrashHarness.of(Forgetful.class).workDir(work).killAfterBatch(500)
        .assertResumedOutputEqualsUninterrupted())
        .isInstanceOf(AssertionError.class)
        .hasMessage("attempt 2 was to be killed after batch 500 but ended first: status=SUCCEEDED read=10000"
            + " written=10000 rejected=0 duplicates=0 filtered=0 resumed=false failure=; its log is "
            + work.resolve("attempt-2.log"));
  }

  /** Not public: a forked JVM could not make one. */
  static final class Hidden implements CrashPipeline {
    @Override
    public Pipeline.Builder build(CrashContext context) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void refusesAPipelineClassThatAForkedJvmCannotMake() {
    assertThatThrownBy(() -> CrashHarness.of(Hidden.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(Hidden.class.getName() + " must be a public class with a public no-argument constructor,"
            + " so that every forked JVM can make one");
  }

  @Test
  void refusesToRunWithoutAKillPoint() {
    assertThatThrownBy(() -> CrashHarness.of(Numbers.class).assertResumedOutputEqualsUninterrupted())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no kill point: call killAfterBatch, killDuringWrite or killBeforeCheckpoint first");
  }
}
