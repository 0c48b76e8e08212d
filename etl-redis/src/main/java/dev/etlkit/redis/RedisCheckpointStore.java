package dev.etlkit.redis;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.ConfigException;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.RunStatus;
import dev.etlkit.checkpoint.CheckpointJson;
import io.lettuce.core.ClientListArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps checkpoints on Redis, so that a run can be resumed on another machine and watched from other
 * processes. Keys, under a prefix ({@code etl} by default):
 * <ul>
 *   <li>{@code etl:<runId>:checkpoint}: the checkpoint as JSON (the same form as the file store's);</li>
 *   <li>{@code etl:<runId>:log:<name>}: a list per incremental log, one binary entry per append;</li>
 *   <li>{@code etl:<runId>:results}: a finished run's status and counts as JSON, expiring after 24 hours;</li>
 *   <li>{@code etl:<runId>:lock}: held while a process runs the run, see {@link #lock};</li>
 *   <li>{@code etl:runs}: the set of run ids, for {@link #list()}.</li>
 * </ul>
 *
 * <pre>{@code
 * try (RedisCheckpointStore store = RedisCheckpointStore.connect(System.getenv("REDIS_URL"))) {
 *   Pipeline.builder("employees").checkpoints(store)...build().run();
 * }
 * }</pre>
 *
 * <p>Log entries are kept in memory until the next {@link #save}, which writes them with the checkpoint
 * in one atomic script: the logs never hold entries of a batch whose checkpoint was not saved.
 *
 * <p>Connects at once: a server that is down gives a {@link dev.etlkit.api.RetriableException} naming
 * its {@code host:port}. A connection lost later makes calls fail with {@code RetriableException}, which
 * the engine retries while the client reconnects. Safe for use from several threads.
 */
public final class RedisCheckpointStore implements CheckpointStore {

  /** The key prefix used unless another is set. */
  public static final String DEFAULT_PREFIX = "etl";

  /** How long the results of a finished run are kept. */
  public static final Duration RESULTS_EXPIRY = Duration.ofHours(24);

  /** How long a run's lock lasts unless renewed, unless another lease is set; see {@link #lock}. */
  public static final Duration DEFAULT_LOCK_LEASE = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(RedisCheckpointStore.class);

  /**
   * Renews the lease of a lock still holding this holder's token (the value's end), writing the
   * connection's current client id, which changes when the client reconnects.
   */
  private static final String RENEW = "local v = redis.call('get', KEYS[1]) "
      + "if v and string.sub(v, -string.len(ARGV[1])) == ARGV[1] then "
      + "redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0";
  /** Lets go only of this holder's own lock, not of one taken over since. */
  private static final String RELEASE = "local v = redis.call('get', KEYS[1]) "
      + "if v and string.sub(v, -string.len(ARGV[1])) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
  /** Takes over a lock whose holder's connection is gone, unless it changed since it was read. */
  private static final String TAKE_OVER = "if redis.call('get', KEYS[1]) == ARGV[1] then "
      + "redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0";

  private final RedisConnection redis;
  private final RedisKeys keys;
  private final Duration lockLease;
  private final Map<String, PendingLogs> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "etl-redis-lock-renewal");
    t.setDaemon(true);
    return t;
  });

  private RedisCheckpointStore(RedisConnection redis, RedisKeys keys, Duration lockLease) {
    this.redis = redis;
    this.keys = keys;
    this.lockLease = lockLease;
  }

  /** Connects to the Redis at {@code url} ({@code redis://[:password@]host[:port][/db]}), keys under "etl". */
  public static RedisCheckpointStore connect(String url) {
    return builder().url(url).build();
  }

  /** Connects to the Redis at {@code url}, keys under "etl". */
  public static RedisCheckpointStore connect(URI url) {
    return builder().url(url.toString()).build();
  }

  /** A builder, for another key prefix or timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /** The key prefix. */
  public String prefix() {
    return keys.prefix();
  }

  /**
   * Saves the checkpoint together with the log entries appended since the last save, in one atomic
   * script: a reader sees both or neither, and a run killed before its save leaves no entry behind.
   */
  @Override
  public void save(Checkpoint checkpoint) {
    String runId = checkpoint.runId();
    PendingLogs logs = pending(runId);
    List<PendingLogs.Append> appends = logs.forSave(checkpoint);
    SaveScript script = new SaveScript(keys, runId, CheckpointJson.write(checkpoint), appends);
    redis.call("save the checkpoint of run " + runId,
        r -> r.eval(SaveScript.LUA, ScriptOutputType.STATUS, script.keys, script.args));
    logs.saved(checkpoint, appends);
    if (checkpoint.status() != RunStatus.RUNNING) {
      pending.remove(runId, logs);
      byte[] results = RunResultsJson.write(checkpoint);
      redis.call("save the results of run " + runId,
          r -> r.set(keys.results(runId), results, SetArgs.Builder.ex(RESULTS_EXPIRY)));
    }
  }

  @Override
  public Optional<Checkpoint> load(String runId) {
    String key = keys.checkpoint(runId);
    byte[] json = redis.call("load the checkpoint of run " + runId, r -> r.get(key));
    if (json == null) {
      return Optional.empty();
    }
    Checkpoint checkpoint = CheckpointJson.read(json, where(key));
    PendingLogs logs = pending.get(runId);
    if (logs != null) {
      // A run resumed in this JVM after a failed save: its unsaved entries must not be written.
      logs.committed(checkpoint);
    }
    return Optional.of(checkpoint);
  }

  /** Keeps the entry until the run's next {@link #save}, which writes it. */
  @Override
  public void appendLog(String runId, String log, byte[] entry) {
    keys.log(runId, log); // refuses a bad run id or log name now rather than at the save
    pending(runId).add(log, entry.clone());
  }

  @Override
  public List<byte[]> readLog(String runId, String log, int count) {
    String key = keys.log(runId, log);
    if (count == 0) {
      return new ArrayList<>();
    }
    List<byte[]> entries = redis.call("read " + key, r -> r.lrange(key, 0, count - 1L));
    if (entries.size() < count) {
      throw new EtlException("corrupt checkpoint log " + where(key) + ": expected " + count + " entries, found "
          + entries.size());
    }
    return entries;
  }

  @Override
  public List<Checkpoint> list() {
    List<String> runIds = redis.call("list runs", r -> r.smembers(keys.runs())).stream().map(RedisCheckpointStore::text).toList();
    if (runIds.isEmpty()) {
      return List.of();
    }
    String[] checkpointKeys = runIds.stream().map(keys::checkpoint).toArray(String[]::new);
    List<KeyValue<String, byte[]>> found = redis.call("list checkpoints", r -> r.mget(checkpointKeys));
    List<Checkpoint> all = new ArrayList<>(found.size());
    for (KeyValue<String, byte[]> kv : found) {
      // A run deleted by another process between SMEMBERS and MGET has no value: skip it.
      if (kv.hasValue()) {
        all.add(CheckpointJson.read(kv.getValue(), where(kv.getKey())));
      }
    }
    all.sort(Comparator.comparing(Checkpoint::updatedAt));
    return all;
  }

  @Override
  public void delete(String runId) {
    String pattern = keys.everyKeyOf(runId);
    redis.call("delete run " + runId, r -> {
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = r.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1_000));
        if (!page.getKeys().isEmpty()) {
          r.del(page.getKeys().toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
      return r.srem(keys.runs(), bytes(runId));
    });
    pending.remove(runId);
  }

  /**
   * Claims the run: {@code <prefix>:<runId>:lock} holds the holder's Redis client id and a token, with a
   * lease renewed every third of it while held. A lock whose holder's connection is gone (the process died,
   * or its run ended while Redis was away) is taken over at once; one whose holder cannot be looked up
   * ({@code CLIENT LIST} denied) lasts until its lease runs out (30 s by default).
   *
   * @throws ConfigException naming the run and the key when a live process holds it
   */
  @Override
  public RunLock lock(String runId) {
    String key = keys.lock(runId);
    String token = UUID.randomUUID().toString();
    byte[] value = lockValue(token);
    String set = redis.call("lock run " + runId, r -> r.set(key, value, SetArgs.Builder.nx().px(lockLease.toMillis())));
    if (!"OK".equals(set) && !takeOverFromTheDead(runId, key, value)) {
      throw new ConfigException("run " + runId + " is already running (" + where(key) + " is held); wait for it to end"
          + " or stop it");
    }
    long every = Math.max(1, lockLease.toMillis() / 3);
    ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(runId, key, token), every, every,
        TimeUnit.MILLISECONDS);
    return () -> {
      renewal.cancel(false);
      try {
        redis.call("unlock run " + runId, r -> r.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, bytes(token)));
      } catch (RuntimeException e) {
        // the next one to lock takes it over, its holder's connection being gone, or it expires
        LOG.warn("could not let go of the lock on run {} ({})", runId, e.getMessage());
      }
    };
  }

  /** This connection's client id and the holder's token: {@code "42 1b4e28ba-..."}. */
  private byte[] lockValue(String token) {
    return bytes(redis.call("read the client id", r -> r.clientId()) + " " + token);
  }

  private boolean takeOverFromTheDead(String runId, String key, byte[] value) {
    byte[] held = redis.call("read the lock on run " + runId, r -> r.get(key));
    if (held == null) {
      return false; // let go just now: the caller may try again
    }
    String holder = text(held);
    long holderId;
    try {
      holderId = Long.parseLong(holder.substring(0, holder.indexOf(' ')));
    } catch (RuntimeException e) {
      return false; // not a lock of ours: leave it to its lease
    }
    String clients;
    try {
      clients = redis.call("look up the lock's holder", r -> r.clientList(ClientListArgs.Builder.ids(holderId)));
    } catch (EtlException denied) {
      return false; // CLIENT LIST not allowed: the lease decides
    }
    if (clients != null && !clients.isBlank()) {
      return false;
    }
    Long taken = redis.call("take over the lock on run " + runId, r -> r.eval(TAKE_OVER, ScriptOutputType.INTEGER,
        new String[] {key}, held, value, bytes(Long.toString(lockLease.toMillis()))));
    if (taken != null && taken == 1) {
      LOG.info("took over the lock on run {}: its holder's connection is gone", runId);
      return true;
    }
    return false;
  }

  private void renew(String runId, String key, String token) {
    try {
      byte[] value = lockValue(token);
      Long renewed = redis.call("renew the lock on run " + runId, r -> r.eval(RENEW, ScriptOutputType.INTEGER,
          new String[] {key}, bytes(token), value, bytes(Long.toString(lockLease.toMillis()))));
      if (renewed == null || renewed == 0) {
        LOG.warn("the lock on run {} ({}) was lost: its lease ran out, it was taken over after a lost connection, "
            + "or it was deleted", runId, where(key));
      }
    } catch (RuntimeException e) {
      // Redis away for a moment: the next renewal tries again while the lease lasts
      LOG.warn("could not renew the lock on run {}: {}", runId, e.getMessage());
    }
  }

  /** Closes the connection and releases the client's threads. */
  @Override
  public void close() {
    renewals.shutdownNow();
    redis.close();
  }

  private PendingLogs pending(String runId) {
    return pending.computeIfAbsent(runId, id -> new PendingLogs());
  }

  private String where(String key) {
    return "Redis key " + key + " at " + redis.address();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Redis checkpoints at " + redis.address() + " under '" + keys.prefix() + ":'";
  }

  /** Settings of a {@link RedisCheckpointStore}: the URL (required), key prefix and timeout. */
  public static final class Builder {
    private String url = "";
    private String prefix = DEFAULT_PREFIX;
    private Duration timeout = Duration.ofSeconds(5);
    private Duration lockLease = DEFAULT_LOCK_LEASE;

    private Builder() {
    }

    /**
     * How long a run's lock lasts unless renewed, for when its holder cannot be looked up; 30 s by
     * default. A live process renews it every third of the lease.
     */
    public Builder lockLease(Duration lease) {
      if (lease.toMillis() < 1) {
        throw new IllegalArgumentException("lock lease must be at least 1 ms, was " + lease);
      }
      this.lockLease = lease;
      return this;
    }

    /** The server: {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://} for TLS. */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The first part of every key, so that several applications or tests can share one server. */
    public Builder prefix(String prefix) {
      this.prefix = RedisKeys.checkPrefix(prefix);
      return this;
    }

    /** How long to wait for a connection or a reply before the call fails as retriable; 5 s by default. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Connects and returns the store.
     *
     * @throws dev.etlkit.api.ConfigException when the URL is missing or malformed
     * @throws dev.etlkit.api.RetriableException naming {@code host:port} when the server cannot be reached
     */
    public RedisCheckpointStore build() {
      RedisURI uri = RedisUrl.parse(url);
      return new RedisCheckpointStore(RedisConnection.open(uri, timeout), new RedisKeys(prefix), lockLease);
    }
  }
}
