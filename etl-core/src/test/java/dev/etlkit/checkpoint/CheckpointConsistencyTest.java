package dev.etlkit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.Chunk;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.RetriableException;
import dev.etlkit.api.Retry;
import dev.etlkit.api.RunStatus;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkContext;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceContext;
import dev.etlkit.api.SourceItem;
import dev.etlkit.transform.Deduplicate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint and its logs must agree whatever fails between a batch's log appends and its save:
 * a resumed run then ends with the same output as an uninterrupted one. Faults are injected into the
 * file store; a save that fails for good stands for a process killed before it.
 */
class CheckpointConsistencyTest {

  @TempDir
  Path dir;

  /** 20,000 records in batches of 100: ids 0..14,999, then the even ids below 10,000 again. */
  private static final class Numbers implements Source<Record> {
    private long next;

    @Override
    public String name() {
      return "numbers";
    }

    @Override
    public void open(SourceContext context) {
      Position after = context.resumeAfter();
      next = after == null ? 0 : after.getLong("index", -1) + 1;
    }

    @Override
    public @Nullable SourceItem<Record> read() {
      if (next == 20_000) {
        return null;
      }
      long i = next++;
      return SourceItem.of(Record.of("id", i < 15_000 ? i : (i - 15_000) * 2), Position.at("item", i + 1, "index", i));
    }
  }

  /** Keeps ids in a list that outlives the run, truncated back to the committed size on resume, as a file is. */
  private static final class ListSink implements Sink<Record> {
    final List<Long> ids;

    ListSink(List<Long> ids) {
      this.ids = ids;
    }

    @Override
    public String name() {
      return "ids";
    }

    @Override
    public void open(SinkContext context) {
      Map<String, Object> restored = context.restoredState();
      int size = restored == null ? 0 : ((Number) restored.get("size")).intValue();
      ids.subList(size, ids.size()).clear();
    }

    @Override
    public void write(Chunk<Record> chunk) {
      chunk.items().forEach(r -> ids.add(r.getLong("id")));
    }

    @Override
    public Map<String, Object> state() {
      return Map.of("size", ids.size());
    }
  }

  /** The file store, with one append that fails, or saves that fail from a chosen batch on. */
  private static final class FaultyStore implements CheckpointStore {
    final FileCheckpointStore store;
    /** Appends are numbered from 1 over the store's life; each batch here appends one dedup delta. */
    long failAppendNumber = -1;
    long appends;
    long failSavesFromBatch = Long.MAX_VALUE;

    FaultyStore(FileCheckpointStore store) {
      this.store = store;
    }

    @Override
    public void save(Checkpoint checkpoint) {
      if (checkpoint.counts().getOrDefault("batches", 0L) >= failSavesFromBatch) {
        throw new EtlException("process killed (injected)");
      }
      store.save(checkpoint);
    }

    @Override
    public Optional<Checkpoint> load(String runId) {
      return store.load(runId);
    }

    @Override
    public void appendLog(String runId, String log, byte[] entry) {
      if (++appends == failAppendNumber) {
        throw new RetriableException("connection reset (injected)");
      }
      store.appendLog(runId, log, entry);
    }

    @Override
    public List<byte[]> readLog(String runId, String log, int count) {
      return store.readLog(runId, log, count);
    }

    @Override
    public List<Checkpoint> list() {
      return store.list();
    }

    @Override
    public void delete(String runId) {
      store.delete(runId);
    }
  }

  private static Pipeline pipeline(List<Long> out, CheckpointStore store) {
    return Pipeline.builder("numbers")
        .source(new Numbers())
        .transform(Deduplicate.by("id"))
        .sink(new ListSink(out))
        .batchSize(100)
        .retry(Retry.none())
        .checkpoints(store)
        .build();
  }

  private List<Long> uninterrupted() {
    List<Long> out = new ArrayList<>();
    assertThat(pipeline(out, FileCheckpointStore.in(dir.resolve("whole"))).run("whole").status())
        .isEqualTo(RunStatus.SUCCEEDED);
    return out;
  }

  @Test
  void twoKillsBeforeACheckpointEndWithTheUninterruptedOutput() {
    // Entries appended for batches whose checkpoint was never saved must not be read by a later resume.
    List<Long> expected = uninterrupted();
    List<Long> out = new ArrayList<>();
    FaultyStore store = new FaultyStore(FileCheckpointStore.in(dir.resolve("crashed")));

    store.failSavesFromBatch = 40;
    assertThat(pipeline(out, store).run("crashed").status()).isEqualTo(RunStatus.FAILED);
    store.failSavesFromBatch = 60;
    assertThat(pipeline(out, store).resume("crashed").status()).isEqualTo(RunStatus.FAILED);
    store.failSavesFromBatch = Long.MAX_VALUE;
    PipelineResult last = pipeline(out, store).resume("crashed");

    assertThat(last.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(out.size()).as("ids written").isEqualTo(expected.size());
    assertThat(out).isEqualTo(expected);
  }

  @Test
  void aRunWhoseLogAppendFailedResumesToTheUninterruptedOutput() {
    // The FAILED checkpoint must not count batches whose log entries never reached the store.
    List<Long> expected = uninterrupted();
    List<Long> out = new ArrayList<>();
    FaultyStore store = new FaultyStore(FileCheckpointStore.in(dir.resolve("crashed")));

    store.failAppendNumber = 40;
    assertThat(pipeline(out, store).run("crashed").status()).isEqualTo(RunStatus.FAILED);
    store.failAppendNumber = -1;
    PipelineResult last = pipeline(out, store).resume("crashed");

    assertThat(last.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(out.size()).as("ids written").isEqualTo(expected.size());
    assertThat(out).isEqualTo(expected);
  }
}
