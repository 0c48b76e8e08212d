package dev.etlkit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.api.RunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest {

  @TempDir
  Path dir;

  static Checkpoint checkpoint(String runId, RunStatus status, Instant updatedAt) {
    return new Checkpoint(runId, "employees", "abc123", status, 1, Position.at("line", 42, "line", 42L, "offset", 1234L),
        List.of(Map.of("length", 4096L)), Map.of("errors", 2), Map.of("read", 100L, "written", 90L),
        Map.of("quality", Map.of("email", 3L)), Instant.parse("2024-05-01T10:00:00Z"), updatedAt, null);
  }

  private static Checkpoint at(String runId, String updatedAt) {
    return checkpoint(runId, RunStatus.RUNNING, Instant.parse(updatedAt));
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void loadsTheCheckpointItSaved() {
    FileCheckpointStore store = FileCheckpointStore.in(dir);
    Checkpoint saved = at("run-1", "2024-05-01T10:01:00Z");

    store.save(saved);

    assertThat(store.load("run-1")).contains(saved);
  }

  @Test
  void createsItsDirectoryOnFirstSave() {
    FileCheckpointStore store = FileCheckpointStore.in(dir.resolve("a/b"));

    store.save(at("run-1", "2024-05-01T10:01:00Z"));

    assertThat(dir.resolve("a/b/run-1.json")).isRegularFile();
  }

  @Test
  void loadsNothingForARunWithoutCheckpoint() {
    assertThat(FileCheckpointStore.in(dir.resolve("missing")).load("run-1")).isEmpty();
  }

  @Test
  void replacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
    FileCheckpointStore store = FileCheckpointStore.in(dir);
    store.save(at("run-1", "2024-05-01T10:01:00Z"));
    Checkpoint later = at("run-1", "2024-05-01T10:02:00Z");

    store.save(later);

    assertThat(store.load("run-1")).contains(later);
    assertThat(files()).containsExactly("run-1.json");
  }

  @Test
  void keepsThePreviousCheckpointWhenACrashLeftAHalfWrittenTemporaryFile() throws IOException {
    FileCheckpointStore store = FileCheckpointStore.in(dir);
    Checkpoint committed = at("run-1", "2024-05-01T10:01:00Z");
    store.save(committed);
    byte[] next = CheckpointJson.write(at("run-1", "2024-05-01T10:02:00Z"));
    Files.write(dir.resolve("run-1.json.tmp"), Arrays.copyOf(next, next.length / 2));

    assertThat(store.load("run-1")).contains(committed);
    assertThat(store.list()).containsExactly(committed);

    Checkpoint after = at("run-1", "2024-05-01T10:03:00Z");
    store.save(after);
    assertThat(store.load("run-1")).contains(after);
  }

  @Test
  void aReaderNeverSeesAHalfWrittenCheckpoint() throws Exception {
    FileCheckpointStore store = FileCheckpointStore.in(dir);
    store.save(at("run-1", "2024-05-01T10:00:00Z"));
    AtomicBoolean done = new AtomicBoolean();
    List<Throwable> failures = new ArrayList<>();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        try {
          store.load("run-1").orElseThrow();
        } catch (RuntimeException e) {
          failures.add(e);
          return;
        }
      }
    });
    reader.start();

    for (int i = 0; i < 300; i++) {
      // Sizes vary so that a torn read would show as malformed JSON.
      store.save(new Checkpoint("run-1", "employees", "abc123", RunStatus.RUNNING, i, null, List.of(),
          Map.of(), Map.of("read", (long) i), Map.of("padding", "x".repeat(i * 37 % 5_000)),
          Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-01T10:00:00Z").plusSeconds(i), null));
    }
    done.set(true);
    reader.join();

    assertThat(failures).isEmpty();
  }

  @Test
  void refusesACorruptFileNamingIt() throws IOException {
    Files.writeString(dir.resolve("run-1.json"), "{\"runId\":\"run-1\",\"pipeline\":\"employees\"}");

    assertThatThrownBy(() -> FileCheckpointStore.in(dir).load("run-1"))
        .isInstanceOf(EtlException.class)
        .hasMessage("corrupt checkpoint " + dir.resolve("run-1.json") + ": missing field 'fingerprint'");
  }

  @Test
  void refusesATruncatedFileNamingIt() throws IOException {
    byte[] json = CheckpointJson.write(at("run-1", "2024-05-01T10:01:00Z"));
    Files.write(dir.resolve("run-1.json"), Arrays.copyOf(json, 30));

    assertThatThrownBy(() -> FileCheckpointStore.in(dir).load("run-1"))
        .isInstanceOf(EtlException.class)
        .hasMessage("corrupt checkpoint " + dir.resolve("run-1.json") + ": Unexpected end-of-input in VALUE_STRING");
  }

  @Test
  void readsLogEntriesBackInOrderByteForByte() {
    FileCheckpointStore store = FileCheckpointStore.in(dir);
    byte[] binary = {0, (byte) 0xff, '\r', '\n', 42};
    byte[] empty = {};
    store.appendLog("run-1", "state-0", "first".getBytes(StandardCharsets.UTF_8));
    store.appendLog("run-1", "state-0", empty);
    store.appendLog("run-1", "state-0", binary);
    store.save(checkpoint("run-1", RunStatus.RUNNING, Instant.parse("2024-05-01T00:00:00Z")));

    assertThat(store.readLog("run-1", "state-0", 3))
        .containsExactly("first".getBytes(StandardCharsets.UTF_8), empty, binary);
  }

  @Test
  void readsOnlyTheCommittedEntriesOfALog() {
    FileCheckpointStore store = FileCheckpointStore.in(dir);
    for (String e : List.of("a", "b", "c")) {
      store.appendLog("run-1", "errors", e.getBytes(StandardCharsets.UTF_8));
    }
    store.save(checkpoint("run-1", RunStatus.RUNNING, Instant.parse("2024-05-01T00:00:00Z")));

    assertThat(store.readLog("run-1", "errors", 2)).map(b -> new String(b, StandardCharsets.UTF_8)).containsExactly("a", "b");
    assertThat(store.readLog("run-1", "errors", 0)).isEmpty();
  }

  @Test
  void refusesALogWithFewerEntriesThanCommittedNamingTheFile() {
    FileCheckpointStore store = FileCheckpointStore.in(dir);
    store.appendLog("run-1", "errors", new byte[] {1});
    store.save(checkpoint("run-1", RunStatus.RUNNING, Instant.parse("2024-05-01T00:00:00Z")));

    assertThatThrownBy(() -> store.readLog("run-1", "errors", 3))
        .isInstanceOf(EtlException.class)
        .hasMessage("corrupt checkpoint log " + dir.resolve("run-1.errors.log") + ": expected 3 entries, found 1");
  }

  @Test
  void writesLogEntriesOnlyWithTheSaveThatCountsThem() {
    FileCheckpointStore store = FileCheckpointStore.in(dir);
    store.appendLog("run-1", "errors", new byte[] {1});
    store.save(checkpoint("run-1", RunStatus.RUNNING, Instant.parse("2024-05-01T00:00:00Z")));
    store.appendLog("run-1", "errors", new byte[] {2});

    // killed now: the second entry was never counted by a saved checkpoint, nor written
    assertThat(dir.resolve("run-1.errors.log")).hasSize(5);
    store.save(checkpoint("run-1", RunStatus.SUCCEEDED, Instant.parse("2024-05-01T00:00:01Z")));
    assertThat(FileCheckpointStore.in(dir).readLog("run-1", "errors", 2)).containsExactly(new byte[] {1}, new byte[] {2});
  }

  @Test
  void refusesAMissingLogThatShouldHoldEntries() {
    assertThatThrownBy(() -> FileCheckpointStore.in(dir).readLog("run-1", "state-1", 2))
        .isInstanceOf(EtlException.class)
        .hasMessage("corrupt checkpoint log " + dir.resolve("run-1.state-1.log") + ": expected 2 entries, found 0");
  }

  @Test
  void listsEveryRunOldestFirstIgnoringLogs() {
    FileCheckpointStore store = FileCheckpointStore.in(dir);
    Checkpoint newer = checkpoint("run-b", RunStatus.SUCCEEDED, Instant.parse("2024-05-02T00:00:00Z"));
    Checkpoint older = checkpoint("run-a", RunStatus.FAILED, Instant.parse("2024-05-01T00:00:00Z"));
    store.save(newer);
    store.save(older);
    store.appendLog("run-a", "errors", new byte[] {1});

    assertThat(store.list()).containsExactly(older, newer);
  }

  @Test
  void listsNothingWhenTheDirectoryDoesNotExist() {
    assertThat(FileCheckpointStore.in(dir.resolve("missing")).list()).isEmpty();
  }

  @Test
  void deletesTheCheckpointAndLogsOfOneRunOnly() throws IOException {
    FileCheckpointStore store = FileCheckpointStore.in(dir);
    store.appendLog("run-1", "errors", new byte[] {1});
    store.appendLog("run-1", "state-2", new byte[] {2});
    store.save(at("run-1", "2024-05-01T10:01:00Z"));
    Checkpoint other = at("run-10", "2024-05-01T10:02:00Z");
    store.appendLog("run-10", "errors", new byte[] {3});
    store.save(other);

    store.delete("run-1");

    assertThat(store.load("run-1")).isEmpty();
    assertThat(store.list()).containsExactly(other);
    assertThat(files()).containsExactly("run-10.errors.log", "run-10.json");
  }

  @Test
  void deletingARunKeepsARunWhoseIdStartsWithItsIdAndADot() throws IOException {
    FileCheckpointStore store = FileCheckpointStore.in(dir);
    store.save(at("2024.05", "2024-05-01T10:01:00Z"));
    Checkpoint other = at("2024.05.01", "2024-05-01T10:02:00Z");
    store.appendLog("2024.05.01", "errors", new byte[] {3});
    store.save(other);

    store.delete("2024.05");

    assertThat(store.list()).containsExactly(other);
    assertThat(files()).containsExactly("2024.05.01.errors.log", "2024.05.01.json");
  }

  @Test
  void deletingAnUnknownRunDoesNothing() {
    FileCheckpointStore.in(dir.resolve("missing")).delete("run-1");

    assertThat(dir.resolve("missing")).doesNotExist();
  }

  @Test
  void refusesARunIdThatWouldLeaveTheDirectory() {
    assertThatThrownBy(() -> FileCheckpointStore.in(dir).load("../etc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run id must use letters, digits, '.', '_' or '-' and not start with '.', was '../etc'");
  }
}
