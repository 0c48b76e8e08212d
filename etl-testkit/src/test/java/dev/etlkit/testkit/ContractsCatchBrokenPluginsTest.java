package dev.etlkit.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.Emitter;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkContext;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceContext;
import dev.etlkit.api.SourceItem;
import dev.etlkit.api.StatefulTransformer;
import dev.etlkit.api.Transformer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract tests fail for plugins that would break a real resume. */
class ContractsCatchBrokenPluginsTest {

  @TempDir
  Path dir;

  /** Drops repeated numbers; its deltas hold the numbers it saw, unless it forgets to write them. */
  static final class SeenNumbers implements StatefulTransformer<Long, Long> {
    private final boolean forgetful;
    private final Set<Long> seen = new HashSet<>();
    private final List<Long> added = new ArrayList<>();

    SeenNumbers(boolean forgetful) {
      this.forgetful = forgetful;
    }

    @Override
    public void transform(Long n, Emitter<Long> out) {
      if (seen.add(n)) {
        added.add(n);
        out.emit(n);
      } else {
        out.duplicate();
      }
    }

    @Override
    public byte[] checkpointDelta() {
      ByteBuffer b = ByteBuffer.allocate(forgetful ? 0 : added.size() * 8);
      if (!forgetful) {
        added.forEach(b::putLong);
      }
      added.clear();
      return b.array();
    }

    @Override
    public void restore(List<byte[]> deltas) {
      deltas.forEach(d -> {
        ByteBuffer b = ByteBuffer.wrap(d);
        while (b.hasRemaining()) {
          seen.add(b.getLong());
        }
      });
    }
  }

  private static TransformerContract<Long, Long> contractOf(boolean forgetful) {
    return new TransformerContract<>() {
      @Override
      protected Transformer<Long, Long> createTransformer() {
        return new SeenNumbers(forgetful);
      }

      @Override
      protected List<Long> sampleInputs() {
        return LongStream.of(1, 2, 1, 3, 2, 4, 4, 1).boxed().toList();
      }
    };
  }

  @Test
  void aStatefulTransformerThatForgetsItsStateFailsTheResumeContract() {
    assertThatCode(() -> contractOf(false).goesOnAfterARestoreFromItsDeltasAsIfItHadNeverStopped()).doesNotThrowAnyException();
    assertThatThrownBy(() -> contractOf(true).goesOnAfterARestoreFromItsDeltasAsIfItHadNeverStopped())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("outcomes when resumed after 1 of 8 inputs");
  }

  /** Writes lines to a file and keeps where it is in its state as a Path, which JSON cannot hold. */
  static final class PathStateSink implements Sink<String> {
    private final Path file;

    PathStateSink(Path file) {
      this.file = file;
    }

    @Override
    public String name() {
      return "lines";
    }

    @Override
    public void open(SinkContext context) throws Exception {
      Files.writeString(file, "");
    }

    @Override
    public void write(Chunk<String> chunk) throws Exception {
      Files.writeString(file, String.join("", chunk.items()), java.nio.file.StandardOpenOption.APPEND);
    }

    @Override
    public Map<String, Object> state() {
      return Map.of("file", file);
    }
  }

  @Test
  void aSinkWhoseStateJsonCannotHoldFailsTheResumeContractNamingTheKey() {
    SinkContract<String> contract = lineContract(d -> new PathStateSink(d.resolve("out.txt")), "a", "b", "c", "d");

    assertThatThrownBy(contract::resumedRunEndsWithTheOutputOfAnUninterruptedOne)
        .isInstanceOf(EtlException.class)
        .hasMessageStartingWith("sink 'lines' cannot be checkpointed: its state 'file' is a ");
  }

  /**
   * Appends lines to a file and cuts it back on resume, but its state counts only the bytes this attempt
   * wrote: right after one resume, wrong after two.
   */
  static class AttemptLengthSink implements Sink<String> {
    private final Path file;
    private final boolean countsEarlierAttempts;
    private long start;
    private long written;

    AttemptLengthSink(Path file, boolean countsEarlierAttempts) {
      this.file = file;
      this.countsEarlierAttempts = countsEarlierAttempts;
    }

    @Override
    public String name() {
      return "lines";
    }

    @Override
    public void open(SinkContext context) throws Exception {
      Map<String, Object> restored = context.restoredState();
      start = restored == null ? 0 : (Long) restored.get("length");
      byte[] kept = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
      Files.write(file, java.util.Arrays.copyOf(kept, (int) start));
      written = 0;
    }

    @Override
    public void write(Chunk<String> chunk) throws Exception {
      String lines = String.join("", chunk.items());
      Files.writeString(file, lines, java.nio.file.StandardOpenOption.APPEND);
      written += lines.length();
    }

    @Override
    public Map<String, Object> state() {
      return Map.of("length", (countsEarlierAttempts ? start : 0) + written);
    }
  }

  private SinkContract<String> lengthContract(boolean countsEarlierAttempts) {
    return lineContract(d -> new AttemptLengthSink(d.resolve("out.txt"), countsEarlierAttempts), "a", "b", "c", "d", "e");
  }

  /** The sink contract over a sink writing one-character items to {@code out.txt}, read back character by character. */
  private SinkContract<String> lineContract(Function<Path, Sink<String>> sink, String... items) {
    SinkContract<String> contract = new SinkContract<>() {
      @Override
      protected Sink<String> createSink(Path d) {
        return sink.apply(d);
      }

      @Override
      protected List<String> sampleItems() {
        return List.of(items);
      }

      @Override
      protected List<String> readBack(Path d) throws Exception {
        return List.of(Files.readString(d.resolve("out.txt")).split(""));
      }
    };
    contract.contractDir = dir;
    return contract;
  }

  @Test
  void aSinkWhoseStateForgetsEarlierAttemptsFailsTheResumeContract() {
    assertThatCode(() -> lengthContract(true).resumedRunEndsWithTheOutputOfAnUninterruptedOne()).doesNotThrowAnyException();
    assertThatThrownBy(() -> lengthContract(false).resumedRunEndsWithTheOutputOfAnUninterruptedOne())
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aSinkContractWithTooFewSampleItemsSaysSo() {
    SinkContract<String> contract = lineContract(d -> new AttemptLengthSink(d.resolve("out.txt"), true), "a", "b");

    assertThatThrownBy(contract::resumedRunEndsWithTheOutputOfAnUninterruptedOne)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("sampleItems() must give at least four items");
  }

  /** Lines of text, "bad" ones rejected; a rejected line's position says "line 0" unless told right. */
  static final class LinesSource implements Source<String> {
    private static final List<String> LINES = List.of("a", "bad", "b", "c", "bad", "d");
    private final boolean rightRejectPositions;
    private int next;

    LinesSource(boolean rightRejectPositions) {
      this.rightRejectPositions = rightRejectPositions;
    }

    @Override
    public String name() {
      return "lines";
    }

    @Override
    public void open(SourceContext context) {
      Position after = context.resumeAfter();
      next = after == null ? 0 : (int) after.getLong("line", 0);
    }

    @Override
    public SourceItem<String> read() {
      if (next >= LINES.size()) {
        return null;
      }
      String line = LINES.get(next++);
      if (line.equals("bad")) {
        return SourceItem.rejected(line, Position.at("line", next, "line", rightRejectPositions ? (long) next : 0L), "bad line");
      }
      return SourceItem.of(line, Position.at("line", next, "line", (long) next));
    }
  }

  private SourceContract<String> linesContract(boolean rightRejectPositions) {
    SourceContract<String> contract = new SourceContract<>() {
      @Override
      protected Source<String> createSource(Path d) {
        return new LinesSource(rightRejectPositions);
      }

      @Override
      protected List<String> expectedItems() {
        return List.of("a", "b", "c", "d");
      }
    };
    contract.contractDir = dir;
    return contract;
  }

  @Test
  void aSourceThatCannotResumeAfterARejectedItemFailsTheResumeContract() {
    assertThatCode(() -> linesContract(true).resumingAfterAnyItemYieldsExactlyTheRest()).doesNotThrowAnyException();
    assertThatThrownBy(() -> linesContract(false).resumingAfterAnyItemYieldsExactlyTheRest())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("(a rejected item)");
  }

  @Test
  void aSinkThatCastsItsRestoredStateWronglyIsToldWhatACheckpointGivesBack() {
    SinkContract<String> contract = lineContract(d -> new AttemptLengthSink(d.resolve("out.txt"), true) {
      @Override
      public void open(SinkContext context) throws Exception {
        Map<String, Object> restored = context.restoredState();
        if (restored != null && (Integer) restored.get("length") < 0) { // written as an int, a Long comes back
          throw new IllegalStateException("negative length");
        }
        super.open(context);
      }
    }, "a", "b", "c", "d");

    assertThatThrownBy(contract::resumedRunEndsWithTheOutputOfAnUninterruptedOne)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("sink 'lines' could not open on its restored state {length=2}: ")
        .hasMessageEndingWith("(a checkpoint gives whole numbers back as Long, others as Double, objects as Map)");
  }
}
