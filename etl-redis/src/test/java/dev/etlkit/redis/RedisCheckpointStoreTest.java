package dev.etlkit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.InstanceOfAssertFactories.LONG;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.ConfigException;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.api.RunStatus;
import dev.etlkit.testkit.RedisExtension;
import dev.etlkit.testkit.RedisPrefix;
import dev.etlkit.testkit.RedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisExtension.class)
class RedisCheckpointStoreTest {

  private RedisServer redis;
  private String prefix;
  private RedisCheckpointStore store;

  @BeforeEach
  void connect(RedisServer redis, RedisPrefix prefix) {
    this.redis = redis;
    this.prefix = prefix.value();
    this.store = RedisCheckpointStore.builder().url(redis.url()).prefix(prefix.value()).build();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Checkpoint checkpoint(String runId, RunStatus status, Instant updatedAt) {
    return checkpoint(runId, status, updatedAt, Map.of("errors", 2));
  }

  static Checkpoint checkpoint(String runId, RunStatus status, Instant updatedAt, Map<String, Integer> logLengths) {
    return new Checkpoint(runId, "employees", "abc123", status, 1, Position.at("line", 42, "line", 42L, "offset", 1234L),
        List.of(Map.of("length", 4096L)), logLengths, Map.of("read", 100L, "written", 90L, "rejected", 10L),
        Map.of("quality", Map.of("email", 3L)), Instant.parse("2024-05-01T10:00:00Z"), updatedAt,
        status == RunStatus.FAILED ? "sink 'out.csv' failed: disk full" : null);
  }

  @Test
  void loadsTheCheckpointItSaved() {
    Checkpoint saved = checkpoint("run-1", RunStatus.RUNNING, Instant.parse("2024-05-01T10:01:00Z"));

    store.save(saved);

    assertThat(store.load("run-1")).contains(saved);
  }

  @Test
  void loadsNothingForARunWithoutCheckpoint() {
    assertThat(store.load("unknown")).isEmpty();
  }

  @Test
  void replacesTheCheckpointOnEverySave() {
    store.save(checkpoint("run-1", RunStatus.RUNNING, Instant.parse("2024-05-01T10:01:00Z")));
    Checkpoint later = checkpoint("run-1", RunStatus.RUNNING, Instant.parse("2024-05-01T10:02:00Z"));

    store.save(later);

    assertThat(store.load("run-1")).contains(later);
  }

  @Test
  void keepsTheCheckpointAsJsonUnderThePrefixedKey() {
    store.save(checkpoint("run-1", RunStatus.RUNNING, Instant.parse("2024-05-01T10:01:00Z")));

    assertThat((String) redis.command("GET", prefix + ":run-1:checkpoint"))
        .startsWith("{\"runId\":\"run-1\",\"pipeline\":\"employees\",\"fingerprint\":\"abc123\",\"status\":\"RUNNING\"");
  }

  private static final Instant NOW = Instant.parse("2024-05-01T10:01:00Z");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsSavedLogEntriesBackInOrderByteForByte() {
    byte[] binary = {0, (byte) 0xff, '\r', '\n', 42};
    store.appendLog("run-1", "state-0", utf8("first"));
    store.appendLog("run-1", "state-0", binary);
    store.save(checkpoint("run-1", RunStatus.RUNNING, NOW, Map.of("state-0", 2)));

    assertThat(store.readLog("run-1", "state-0", 2)).containsExactly(utf8("first"), binary);
  }

  @Test
  void writesAppendedEntriesOnlyWithTheNextSave() {
    store.save(checkpoint("run-1", RunStatus.RUNNING, NOW, Map.of()));
    store.appendLog("run-1", "errors", utf8("a"));

    assertThat(redis.command("LLEN", prefix + ":run-1:log:errors")).isEqualTo(0L);
    store.save(checkpoint("run-1", RunStatus.RUNNING, NOW, Map.of("errors", 1)));
    assertThat(redis.command("LLEN", prefix + ":run-1:log:errors")).isEqualTo(1L);
  }

  @Test
  void readsOnlyTheCommittedEntriesOfALog() {
    for (String e : List.of("a", "b", "c")) {
      store.appendLog("run-1", "errors", utf8(e));
    }
    store.save(checkpoint("run-1", RunStatus.RUNNING, NOW, Map.of("errors", 3)));

    assertThat(store.readLog("run-1", "errors", 2)).map(b -> new String(b, StandardCharsets.UTF_8)).containsExactly("a", "b");
    assertThat(store.readLog("run-1", "errors", 0)).isEmpty();
  }

  @Test
  void dropsTheEntriesOfASaveThatNeverHappenedWhenTheRunIsLoadedAgain() {
    store.appendLog("run-1", "errors", utf8("a"));
    store.save(checkpoint("run-1", RunStatus.RUNNING, NOW, Map.of("errors", 1)));
    store.appendLog("run-1", "errors", utf8("lost with its batch"));
    // The save of that batch failed for good; the run is resumed from the checkpoint above.
    store.load("run-1");
    store.appendLog("run-1", "errors", utf8("b"));
    store.save(checkpoint("run-1", RunStatus.RUNNING, NOW, Map.of("errors", 2)));

    assertThat(redis.command("LRANGE", prefix + ":run-1:log:errors", "0", "-1")).isEqualTo(List.of("a", "b"));
  }

  @Test
  void refusesASaveThatCountsMoreNewEntriesThanWereAppended() {
    store.save(checkpoint("run-1", RunStatus.RUNNING, NOW, Map.of()));
    store.appendLog("run-1", "errors", utf8("a"));

    assertThatThrownBy(() -> store.save(checkpoint("run-1", RunStatus.RUNNING, NOW, Map.of("errors", 2))))
        .isInstanceOf(EtlException.class)
        .hasMessage("cannot save the checkpoint of run run-1: log errors should have 2 new entries, but 1 were appended");
  }

  @Test
  void refusesALogWithFewerEntriesThanCommittedNamingItsKey() {
    store.appendLog("run-1", "errors", new byte[] {1});
    store.save(checkpoint("run-1", RunStatus.RUNNING, NOW, Map.of("errors", 1)));

    assertThatThrownBy(() -> store.readLog("run-1", "errors", 3))
        .isInstanceOf(EtlException.class)
        .hasMessage("corrupt checkpoint log Redis key " + prefix + ":run-1:log:errors at " + redis.host() + ":"
            + redis.port() + ": expected 3 entries, found 1");
  }

  @Test
  void refusesACorruptCheckpointNamingItsKey() {
    redis.command("SET", prefix + ":run-1:checkpoint", "{\"pipeline\":\"employees\"}");

    assertThatThrownBy(() -> store.load("run-1"))
        .isInstanceOf(EtlException.class)
        .hasMessage("corrupt checkpoint Redis key " + prefix + ":run-1:checkpoint at " + redis.host() + ":"
            + redis.port() + ": missing field 'runId'");
  }

  @Test
  void listsEveryRunOldestFirst() {
    Checkpoint newer = checkpoint("run-b", RunStatus.SUCCEEDED, Instant.parse("2024-05-02T00:00:00Z"));
    Checkpoint older = checkpoint("run-a", RunStatus.FAILED, Instant.parse("2024-05-01T00:00:00Z"));
    store.save(newer);
    store.save(older);

    assertThat(store.list()).containsExactly(older, newer);
  }

  @Test
  void listsNothingWhenNoRunWasSaved() {
    assertThat(store.list()).isEmpty();
  }

  @Test
  void deletesEveryKeyOfARunAndNothingElse() {
    store.appendLog("run-1", "errors", new byte[] {1});
    store.appendLog("run-1", "state-2", new byte[] {2});
    store.save(checkpoint("run-1", RunStatus.SUCCEEDED, NOW, Map.of("errors", 1, "state-2", 1)));
    assertThat(redis.command("KEYS", prefix + ":run-1:*")).asList().hasSize(4);
    Checkpoint other = checkpoint("run-10", RunStatus.RUNNING, Instant.parse("2024-05-01T10:02:00Z"));
    store.save(other);

    store.delete("run-1");

    assertThat(store.load("run-1")).isEmpty();
    assertThat(store.list()).containsExactly(other);
    assertThat(redis.command("KEYS", prefix + ":*")).asList().containsExactlyInAnyOrder(prefix + ":run-10:checkpoint", prefix + ":runs");
  }

  @Test
  void locksARunForOneHolderAtATime() {
    try (RedisCheckpointStore other = RedisCheckpointStore.builder().url(redis.url()).prefix(prefix).build()) {
      CheckpointStore.RunLock held = store.lock("run-1");
      assertThat(redis.command("PTTL", prefix + ":run-1:lock")).asInstanceOf(LONG).isPositive();

      assertThatThrownBy(() -> other.lock("run-1"))
          .isInstanceOf(ConfigException.class)
          .hasMessage("run run-1 is already running (Redis key " + prefix + ":run-1:lock at " + redis.host() + ":"
              + redis.port() + " is held); wait for it to end or stop it");
      assertThatThrownBy(() -> store.lock("run-1")).isInstanceOf(ConfigException.class);
      other.lock("run-2").close();

      held.close();
      assertThat(redis.command("EXISTS", prefix + ":run-1:lock")).isEqualTo(0L);
      other.lock("run-1").close();
    }
  }

  @Test
  void keepsTheLockWhileHeldAndLetsItGoWhenTheHoldersConnectionIsGone() throws Exception {
    RedisCheckpointStore holder = RedisCheckpointStore.builder().url(redis.url()).prefix(prefix)
        .lockLease(Duration.ofMillis(300)).build();
    holder.lock("run-1");
    Thread.sleep(1_000); // three leases: only the renewals keep it

    assertThatThrownBy(() -> store.lock("run-1")).isInstanceOf(ConfigException.class);

    holder.close(); // the process dies: no release, no more renewals, its connection closes
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    CheckpointStore.RunLock taken = null;
    while (taken == null) {
      try {
        taken = store.lock("run-1");
      } catch (ConfigException stillHeld) {
        assertThat(System.nanoTime()).as("lock taken over within 5 s").isLessThan(deadline);
        Thread.sleep(20);
      }
    }
    taken.close();
  }

  @Test
  void takesOverALockAtOnceWhenItsHoldersConnectionIsGoneBeforeTheLeaseEnds() {
    RedisCheckpointStore holder = RedisCheckpointStore.builder().url(redis.url()).prefix(prefix).build();
    holder.lock("run-1");
    holder.close(); // dies holding it, 30 s before the lease would end

    store.lock("run-1").close();
  }

  @Test
  void deletingAnUnknownRunDoesNothing() {
    store.delete("unknown");

    assertThat(store.list()).isEmpty();
  }

  @Test
  void keepsTheResultsOfAFinishedRunForADay() {
    store.save(checkpoint("run-1", RunStatus.FAILED, Instant.parse("2024-05-01T10:01:00Z")));

    assertThat((String) redis.command("GET", prefix + ":run-1:results")).isEqualTo("{\"runId\":\"run-1\","
        + "\"pipeline\":\"employees\",\"status\":\"FAILED\",\"read\":100,\"rejected\":10,\"duplicates\":0,\"filtered\":0,"
        + "\"written\":90,\"batches\":0,\"durationMs\":0,\"startedAt\":\"2024-05-01T10:00:00Z\","
        + "\"finishedAt\":\"2024-05-01T10:01:00Z\",\"failure\":\"sink 'out.csv' failed: disk full\"}");
    assertThat((Long) redis.command("TTL", prefix + ":run-1:results")).isBetween(86_000L, 86_400L);
  }

  @Test
  void keepsNoResultsWhileTheRunGoes() {
    store.save(checkpoint("run-1", RunStatus.RUNNING, Instant.parse("2024-05-01T10:01:00Z")));

    assertThat(redis.command("EXISTS", prefix + ":run-1:results")).isEqualTo(0L);
    assertThat(redis.command("TTL", prefix + ":run-1:checkpoint")).isEqualTo(-1L);
  }

  @Test
  void refusesARunIdThatCouldReachAnotherRunsKeys() {
    assertThatThrownBy(() -> store.load("a:*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run id must use letters, digits, '.', '_' or '-', was 'a:*'");
  }
}
