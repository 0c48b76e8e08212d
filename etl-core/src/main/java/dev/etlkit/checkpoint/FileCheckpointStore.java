package dev.etlkit.checkpoint;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.ConfigException;
import dev.etlkit.api.EtlException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Keeps checkpoints as files: {@code <runId>.json} per run, replaced atomically (written to a temporary
 * file, fsynced, renamed), and one append-only {@code <runId>.<log>.log} per incremental log, each entry
 * length-prefixed; entries are kept in memory until the next save, which appends and fsyncs them before
 * the checkpoint that counts them. The embedded default, under {@code .etl/checkpoints}. Thread-safe.
 *
 * <pre>{@code
 * Pipeline.builder("employees").checkpoints(FileCheckpointStore.in(Path.of(".etl/checkpoints")))...
 * }</pre>
 */
public final class FileCheckpointStore implements CheckpointStore {

  /** The default directory, relative to the working directory. */
  public static final Path DEFAULT_DIRECTORY = Path.of(".etl", "checkpoints");

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]+");
  /** The lock files this process holds. */
  private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();
  private static final Pattern SAFE_LOG = Pattern.compile("[A-Za-z0-9_-]+");

  private final Path directory;
  /** Log entries appended since the last save, by run and log file. */
  private final Map<String, Map<Path, ByteArrayOutputStream>> pending = new HashMap<>();

  private FileCheckpointStore(Path directory) {
    this.directory = directory;
  }

  /** A store in {@code directory}, created on first save. */
  public static FileCheckpointStore in(Path directory) {
    return new FileCheckpointStore(directory);
  }

  /** The directory the checkpoints live in. */
  public Path directory() {
    return directory;
  }

  @Override
  public void save(Checkpoint checkpoint) {
    Path target = checkpointFile(checkpoint.runId());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    writePendingLogs(checkpoint.runId());
    try {
      try (FileChannel ch = open(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(ByteBuffer.wrap(CheckpointJson.write(checkpoint)));
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new EtlException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens a file of the directory for writing, creating both as needed. The directory is made only when
   * missing: {@link Files#createDirectories} on an existing one costs an exception, at every batch.
   */
  private FileChannel open(Path file, StandardOpenOption mode) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
    } catch (NoSuchFileException e) {
      Files.createDirectories(directory);
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
    }
  }

  @Override
  public Optional<Checkpoint> load(String runId) {
    Path file = checkpointFile(runId);
    try {
      return Optional.of(CheckpointJson.read(Files.readAllBytes(file), file.toString()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new EtlException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Keeps the entry in memory until the next {@link #save}, which writes the entries of each log in one
   * append and fsyncs them before the checkpoint that counts them: a file open and write per batch
   * would cost a fast pipeline more than its batches.
   */
  @Override
  public void appendLog(String runId, String log, byte[] entry) {
    Path file = logFile(runId, log);
    synchronized (pending) {
      ByteArrayOutputStream out = pending.computeIfAbsent(checkId(runId), id -> new LinkedHashMap<>())
          .computeIfAbsent(file, f -> new ByteArrayOutputStream());
      out.write(entry.length >>> 24);
      out.write(entry.length >>> 16);
      out.write(entry.length >>> 8);
      out.write(entry.length);
      out.writeBytes(entry);
    }
  }

  private void writePendingLogs(String runId) {
    Map<Path, ByteArrayOutputStream> logs;
    synchronized (pending) {
      logs = pending.remove(runId);
    }
    if (logs == null) {
      return;
    }
    for (Map.Entry<Path, ByteArrayOutputStream> log : logs.entrySet()) {
      try (FileChannel ch = open(log.getKey(), StandardOpenOption.APPEND)) {
        ByteBuffer buf = ByteBuffer.wrap(log.getValue().toByteArray());
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(false);
      } catch (IOException e) {
        throw new EtlException("cannot append to " + log.getKey() + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public List<byte[]> readLog(String runId, String log, int count) {
    Path file = logFile(runId, log);
    List<byte[]> entries = new ArrayList<>(count);
    if (count == 0) {
      return entries;
    }
    try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in))) {
      while (entries.size() < count) {
        int length = data.readInt();
        byte[] entry = new byte[length];
        data.readFully(entry);
        entries.add(entry);
      }
      return entries;
    } catch (NoSuchFileException | EOFException e) {
      throw new EtlException("corrupt checkpoint log " + file + ": expected " + count + " entries, found " + entries.size());
    } catch (IOException e) {
      throw new EtlException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<Checkpoint> list() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Checkpoint> all = new ArrayList<>();
      for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()::iterator) {
        all.add(CheckpointJson.read(Files.readAllBytes(f), f.toString()));
      }
      all.sort(Comparator.comparing(Checkpoint::updatedAt));
      return all;
    } catch (IOException e) {
      throw new EtlException("cannot list checkpoints in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** An OS lock on {@code <runId>.lock}, released (and the file removed) on close or when the process dies. */
  @Override
  public RunLock lock(String runId) {
    Path file = directory.resolve(checkId(runId) + ".lock").toAbsolutePath().normalize();
    String running = "run " + runId + " is already running (" + file + " is locked); wait for it to end or stop it";
    // Within one process the OS lock cannot tell holders apart, and closing a second channel on the file
    // would drop the first one's lock: this process's own runs are refused before the file is opened.
    if (!LOCKED_HERE.add(file)) {
      throw new ConfigException(running);
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(directory);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock held = channel.tryLock();
      if (held == null) {
        throw new ConfigException(running);
      }
      FileChannel open = channel;
      return () -> {
        try {
          // released before the file goes, so that no one locks a file that is about to disappear
          held.release();
          open.close();
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a lock file left behind holds no OS lock, so it stops nobody; the process lets go when it ends
        } finally {
          LOCKED_HERE.remove(file);
        }
      };
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      LOCKED_HERE.remove(file);
      throw e instanceof IOException io
          ? new EtlException("cannot lock run " + runId + " in " + directory + ": " + io.getMessage(), io)
          : (RuntimeException) e;
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // the lock could not be taken anyway; the first error is the one to report
      }
    }
  }

  @Override
  public void delete(String runId) {
    String id = checkId(runId);
    synchronized (pending) {
      pending.remove(id);
    }
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files.filter(p -> belongsTo(p.getFileName().toString(), id))::iterator) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new EtlException("cannot delete checkpoint of run " + runId + " in " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a file is the run's checkpoint, its temporary file or one of its logs. Log names hold no dot,
   * so the files of run "a.b" never pass for logs of run "a".
   */
  private static boolean belongsTo(String file, String runId) {
    if (file.equals(runId + ".json") || file.equals(runId + ".json.tmp") || file.equals(runId + ".lock")) {
      return true;
    }
    if (!file.startsWith(runId + ".") || !file.endsWith(".log")) {
      return false;
    }
    String log = file.substring(runId.length() + 1, file.length() - ".log".length());
    return SAFE_LOG.matcher(log).matches();
  }

  private Path checkpointFile(String runId) {
    return directory.resolve(checkId(runId) + ".json");
  }

  private Path logFile(String runId, String log) {
    if (!SAFE_LOG.matcher(log).matches()) {
      throw new IllegalArgumentException("log name must use letters, digits, '_' or '-', was '" + log + "'");
    }
    return directory.resolve(checkId(runId) + "." + log + ".log");
  }

  /** Run ids become file names: refuse anything that could leave the directory. */
  private static String checkId(String id) {
    if (!SAFE_ID.matcher(id).matches() || id.startsWith(".")) {
      throw new IllegalArgumentException("run id must use letters, digits, '.', '_' or '-' and not start with '.', was '" + id + "'");
    }
    return id;
  }

  @Override
  public String toString() {
    return "file checkpoints in " + directory;
  }
}
