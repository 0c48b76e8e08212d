package dev.etlkit;

import static dev.etlkit.testkit.EtlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.ConfigException;
import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.RunStatus;
import dev.etlkit.api.StatefulTransformer;
import dev.etlkit.api.Transformer;
import dev.etlkit.checkpoint.FileCheckpointStore;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.FailingSink;
import dev.etlkit.testkit.ListSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {

  @TempDir
  Path dir;

  /** Ids 0..29 where seq >= 20 repeats id seq - 20: duplicates across batches and sources (seq 27 is not one: 7 was rejected). */
  private static Record item(long i) {
    return Record.of("id", i < 20 ? i : i - 20, "seq", i);
  }

  /** A tiny exact dedup keeping its keys as checkpoint deltas, as the real one does. */
  static final class SeenIds implements StatefulTransformer<Record, Record> {
    final Set<Long> seen = new HashSet<>();
    final List<Long> added = new ArrayList<>();

    @Override
    public void transform(Record r, Emitter<Record> out) {
      if (seen.add(r.getLong("id"))) {
        added.add(r.getLong("id"));
        out.emit(r);
      } else {
        out.duplicate();
      }
    }

    @Override
    public byte[] checkpointDelta() {
      ByteBuffer b = ByteBuffer.allocate(added.size() * 8);
      added.forEach(b::putLong);
      added.clear();
      return b.array();
    }

    @Override
    public void restore(List<byte[]> deltas) {
      for (byte[] d : deltas) {
        ByteBuffer b = ByteBuffer.wrap(d);
        while (b.hasRemaining()) {
          seen.add(b.getLong());
        }
      }
    }

    @Override
    public String name() {
      return "dedup";
    }
  }

  private static Transformer<Record, Record> rejectSeven() {
    return Transformer.map("validate", r -> {
      if (r.getLong("seq") == 7) {
        throw new RecordException("seq: must not be 7");
      }
      return r;
    });
  }

  private Pipeline pipeline(dev.etlkit.api.Sink<Record> sink) {
    return Pipeline.builder("resume")
        .source(ListSource.generate("first", 15, ResumeTest::item))
        .source(ListSource.generate("second", 15, i -> item(i + 15)))
        .transform(rejectSeven())
        .transform(new SeenIds())
        .sink(sink)
        .batchSize(4)
        .checkpoints(FileCheckpointStore.in(dir))
        .build();
  }

  @Test
  void resumesAfterAFatalFailureAndEndsAsAnUninterruptedRunWould() {
    PipelineResult crashed = pipeline(FailingSink.fatalAtBatch(5, () -> new IOException("disk full"))).run("run-1");
    assertThat(crashed).failedWith("IOException: disk full").hasCounts(16, 15, 1, 0);
    Checkpoint cp = FileCheckpointStore.in(dir).load("run-1").orElseThrow();
    assertThat(cp.status()).isEqualTo(RunStatus.FAILED);
    assertThat(cp.sourceIndex()).isEqualTo(1);
    assertThat(cp.position().description()).isEqualTo("item 1");

    FailingSink<Record> rest = FailingSink.fatalAtBatch(Integer.MAX_VALUE, () -> new IOException("never"));
    PipelineResult resumed = pipeline(rest).resume("run-1");

    assertThat(resumed).succeeded().hasCounts(30, 20, 1, 9)
        .hasErrors("validate rejected first item 8: seq: must not be 7");
    assertThat(resumed.resumed()).isTrue();
    assertThat(rest.items()).extracting(r -> r.getLong("seq")).containsExactly(16L, 17L, 18L, 19L, 27L);
  }

  @Test
  void refusesToResumeAChangedPipeline() {
    pipeline(FailingSink.fatalAtBatch(2, () -> new IOException("disk full"))).run("run-2");
    Pipeline changed = Pipeline.builder("resume")
        .source(ListSource.generate("first", 15, ResumeTest::item))
        .sink(CollectingSink.create())
        .checkpoints(FileCheckpointStore.in(dir))
        .build();

    assertThatThrownBy(() -> changed.resume("run-2"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("run run-2 was made by a different pipeline definition");
  }

  @Test
  void refusesToResumeWhenAStepNowDoesSomethingElse() {
    java.util.function.Function<Transformer<Record, Record>, Pipeline> build = step -> Pipeline.builder("changed")
        .source(ListSource.generate("numbers", 20, i -> Record.of("id", i % 7, "email", "e" + i)))
        .transform(step)
        .sink(FailingSink.fatalAtBatch(2, () -> new IOException("disk full")))
        .batchSize(4)
        .checkpoints(FileCheckpointStore.in(dir))
        .build();
    assertThat(build.apply(dev.etlkit.transform.Deduplicate.by("id")).run("changed-1")).failedWith("IOException: disk full");

    assertThatThrownBy(() -> build.apply(dev.etlkit.transform.Deduplicate.by("email")).resume("changed-1"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("run changed-1 was made by a different pipeline definition");
    assertThat(build.apply(dev.etlkit.transform.Deduplicate.by("id")).resume("changed-1")).succeeded();
  }

  @Test
  void aLambdaTransformersFingerprintDoesNotHangOnItsClassNameWhichChangesFromOneJvmToTheNext() {
    Transformer<Record, Record> one = (r, out) -> out.emit(r);
    Transformer<Record, Record> other = (r, out) -> out.emit(r.with("x", 1L));
    java.util.function.Function<Transformer<Record, Record>, Pipeline> build = step -> Pipeline.builder("lambdas")
        .source(ListSource.of(Record.of("id", 1L))).transform(step).sink(CollectingSink.create())
        .checkpoints(FileCheckpointStore.in(dir)).build();

    assertThat(one.getClass()).isNotEqualTo(other.getClass());
    assertThat(one.name()).isEqualTo("transform");
    assertThat(build.apply(one).fingerprint()).isEqualTo(build.apply(other).fingerprint());
  }

  @Test
  void aValidationRuleThatChangedChangesTheFingerprint() {
    java.util.function.IntFunction<Pipeline> build = max -> Pipeline.builder("rules")
        .source(ListSource.of(Record.of("age", 30L)))
        .transform(dev.etlkit.transform.Validate.fields().field("age").required().max(max).build())
        .sink(CollectingSink.create())
        .checkpoints(FileCheckpointStore.in(dir))
        .build();

    assertThat(build.apply(80).fingerprint()).isEqualTo(build.apply(80).fingerprint())
        .isNotEqualTo(build.apply(20).fingerprint());
  }

  @Test
  void refusesToResumeARunThatIsStillRunningAndLetsGoOfItWhenDone() {
    pipeline(FailingSink.fatalAtBatch(2, () -> new IOException("disk full"))).run("busy");

    try (dev.etlkit.api.CheckpointStore.RunLock held = FileCheckpointStore.in(dir).lock("busy")) {
      assertThatThrownBy(() -> pipeline(FailingSink.fatalAtBatch(Integer.MAX_VALUE, () -> new IOException("never"))).resume("busy"))
          .isInstanceOf(ConfigException.class)
          .hasMessage("run busy is already running (" + dir.resolve("busy.lock") + " is locked); wait for it to end or stop it");
    }
    assertThat(pipeline(FailingSink.fatalAtBatch(Integer.MAX_VALUE, () -> new IOException("never"))).resume("busy")).succeeded();
    assertThat(dir.resolve("busy.lock")).doesNotExist();
    // a refused second claim in this process leaves the first one in place
    try (dev.etlkit.api.CheckpointStore.RunLock first = FileCheckpointStore.in(dir).lock("held")) {
      assertThatThrownBy(() -> FileCheckpointStore.in(dir).lock("held")).isInstanceOf(ConfigException.class);
      assertThatThrownBy(() -> FileCheckpointStore.in(dir).lock("held")).isInstanceOf(ConfigException.class);
      FileCheckpointStore.in(dir).delete("held");
      assertThat(dir.resolve("held.lock")).doesNotExist();
    }
    FileCheckpointStore.in(dir).lock("held").close();
    assertThat(FileCheckpointStore.in(dir).list()).extracting(Checkpoint::runId).containsExactly("busy");
  }

  @Test
  void resumingASucceededRunDoesNothingAndReturnsItsResult() {
    PipelineResult first = pipeline(CollectingSink.create()).run("run-3");
    CollectingSink<Record> again = CollectingSink.create();

    PipelineResult second = pipeline(again).resume("run-3");

    assertThat(second).succeeded().hasCounts(first.read(), first.written(), first.rejected(), first.duplicates());
    assertThat(again.isOpened()).isFalse();
  }

  @Test
  void savesTheFirstCheckpointBeforeOpeningSinksSoThatAKillWhileOpeningCanBeResumed() {
    List<Boolean> checkpointedAtOpen = new ArrayList<>();
    dev.etlkit.api.Sink<Record> slowToOpen = new dev.etlkit.api.Sink<>() {
      @Override
      public String name() {
        return "slow";
      }

      @Override
      public void open(dev.etlkit.api.SinkContext context) {
        // a database sink may take seconds here; a process killed now must leave a resumable run
        checkpointedAtOpen.add(FileCheckpointStore.in(dir).load(context.runId()).isPresent());
      }

      @Override
      public void write(dev.etlkit.api.Chunk<Record> chunk) {
      }
    };
    Pipeline.builder("resume").source(ListSource.of(item(1))).sink(slowToOpen)
        .checkpoints(FileCheckpointStore.in(dir)).build().run("run-open");

    assertThat(checkpointedAtOpen).containsExactly(true);
  }

  /** Counts what it wrote, keeps the count in its state, and fails its third write on a first run. */
  static final class CountingSink implements dev.etlkit.api.Sink<Record> {
    final List<Object> restored = new ArrayList<>();
    private final Object extra;
    private long written;
    private boolean resumed;

    CountingSink(Object extra) {
      this.extra = extra;
    }

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public void open(dev.etlkit.api.SinkContext context) {
      if (context.restoredState() != null) {
        resumed = true;
        written = (Long) context.restoredState().get("written");   // a plugin may cast what it saved
        restored.add(context.restoredState().get("written"));
        restored.add(context.restoredState().get("extra"));
      }
    }

    @Override
    public void write(dev.etlkit.api.Chunk<Record> chunk) throws IOException {
      if (!resumed && written == 8) {
        throw new IOException("disk full");
      }
      written += chunk.items().size();
    }

    @Override
    public java.util.Map<String, Object> state() {
      return java.util.Map.of("written", written, "extra", extra);
    }
  }

  @Test
  void givesASinkBackItsStateWithTheTypesItSaved() {
    java.util.function.Function<CountingSink, Pipeline> build = sink -> Pipeline.builder("state")
        .source(ListSource.generate("numbers", 20, i -> Record.of("seq", i)))
        .sink(sink).batchSize(4).checkpoints(FileCheckpointStore.in(dir)).build();

    Object extra = java.util.Map.of("list", List.of(1L, "two", true), "small", 3L);
    assertThat(build.apply(new CountingSink(extra)).run("state-1")).failedWith("IOException: disk full");
    CountingSink again = new CountingSink(extra);
    assertThat(build.apply(again).resume("state-1")).succeeded().hasCounts(20, 20, 0, 0);

    assertThat(again.restored).containsExactly(8L, extra);
    assertThat(again.written).isEqualTo(20L);
  }

  @Test
  void aSinkThatCannotTellItsStateBeforeItsFirstWriteStillRuns() {
    List<Record> written = new ArrayList<>();
    dev.etlkit.api.Sink<Record> lazy = new dev.etlkit.api.Sink<>() {
      @Override
      public String name() {
        return "lazy";
      }

      @Override
      public void write(dev.etlkit.api.Chunk<Record> chunk) {
        written.addAll(chunk.items());
      }

      @Override
      public java.util.Map<String, Object> state() {
        if (written.isEmpty()) {
          throw new IllegalStateException("no file yet");
        }
        return java.util.Map.of("written", (long) written.size());
      }
    };

    PipelineResult result = Pipeline.builder("lazy").source(ListSource.generate("numbers", 10, i -> Record.of("seq", i)))
        .sink(lazy).batchSize(4).checkpoints(FileCheckpointStore.in(dir)).build().run("lazy-1");

    assertThat(result).succeeded().hasCounts(10, 10, 0, 0);
    assertThat(FileCheckpointStore.in(dir).load("lazy-1").orElseThrow().sinkStates())
        .containsExactly(java.util.Map.of("written", 10L));
  }

  @Test
  void aSinkStateThatJsonCannotHoldFailsTheRunNamingTheSinkAndTheKey() {
    PipelineResult result = Pipeline.builder("state")
        .source(ListSource.generate("numbers", 5, i -> Record.of("seq", i)))
        .sink(new CountingSink(java.util.Map.of("file", Path.of("out", "x.csv"))))
        .checkpoints(FileCheckpointStore.in(dir)).build().run("state-2");

    assertThat(result).failedWith("sink 'counting' cannot be checkpointed: its state 'extra' is a "
        + Path.of("x").getClass().getName() + "; a sink's state holds only strings, whole numbers, finite doubles, booleans, null, lists and maps");
  }

  @Test
  void refusesToResumeARunWithoutCheckpoint() {
    assertThatThrownBy(() -> pipeline(CollectingSink.create()).resume("nope"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("no checkpoint for run nope in file checkpoints in " + dir);
  }

  @Test
  void refusesToStartASecondRunUnderAnIdThatHasACheckpoint() {
    pipeline(CollectingSink.create()).run("run-4");
    assertThatThrownBy(() -> pipeline(CollectingSink.create()).run("run-4"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("run run-4 already has a checkpoint in file checkpoints in " + dir + "; resume it or choose another run id");
  }

  @Test
  void keepsOnlyTheKeptErrorsInTheCheckpointAndRestoresThemOnResume() {
    Transformer<Record, Record> rejectTens = Transformer.map("validate", r -> {
      if (r.getLong("seq") % 10 == 3) {
        throw new RecordException("seq: must not end in 3");
      }
      return r;
    });
    java.util.function.Function<dev.etlkit.api.Sink<Record>, Pipeline> build = sink -> Pipeline.builder("kept")
        .source(ListSource.generate("numbers", 30, i -> Record.of("seq", i)))
        .transform(rejectTens)
        .sink(sink)
        .batchSize(4)
        .onError(ErrorPolicy.skip().keepErrors(2))
        .checkpoints(FileCheckpointStore.in(dir))
        .build();

    PipelineResult crashed = build.apply(FailingSink.fatalAtBatch(7, () -> new IOException("disk full"))).run("kept-1");
    assertThat(crashed.rejected()).isEqualTo(3);
    Checkpoint cp = FileCheckpointStore.in(dir).load("kept-1").orElseThrow();
    // three rejections committed, two kept: the errors log holds only what the result keeps
    assertThat(cp.logLengths().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);

    PipelineResult resumed = build.apply(FailingSink.fatalAtBatch(Integer.MAX_VALUE, () -> new IOException("never"))).resume("kept-1");

    assertThat(resumed).succeeded().hasCounts(30, 27, 3, 0)
        .hasErrors("validate rejected numbers item 4: seq: must not end in 3",
            "validate rejected numbers item 14: seq: must not end in 3");
  }
}
