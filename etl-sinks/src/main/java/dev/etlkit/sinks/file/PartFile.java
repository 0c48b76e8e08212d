package dev.etlkit.sinks.file;

import dev.etlkit.api.EtlException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An output file that a sink fills batch by batch. Bytes go to {@link #buffer()} first and reach the
 * file only on {@link #commit()}, so a failed batch leaves nothing behind and the committed length is
 * exact. The file lives under a temporary name next to its target, {@code .<name>.<runId>.part}, until
 * {@link #complete()} fsyncs it and renames it into place; a reader never sees half an output.
 *
 * <p>After a crash, reopening with the committed length from the last checkpoint truncates whatever
 * was written after it, so the finished file equals an uninterrupted run's. Commits flush to the
 * operating system (enough to survive the process being killed); only {@code complete()} fsyncs.
 *
 * <pre>{@code
 * PartFile file = PartFile.open(Path.of("out/x.csv"), runId, false, restoredLength);
 * file.buffer().write(bytes);
 * long committed = file.commit();     // save in the sink's state
 * file.complete();                    // at the end of a successful run
 * }</pre>
 */
public final class PartFile implements AutoCloseable {

  /** The files being written in this process: two sinks writing one file would each spoil the other's. */
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

  private final Path target;
  private final Path working;
  private final boolean append;
  private final FileChannel channel;
  private final boolean keepForResume;
  /** What an appended file held before this run: what a run that cannot be resumed cuts it back to. */
  private final long lengthAtOpen;
  private final BatchBuffer buffer = new BatchBuffer();
  private long length;
  private boolean completed;

  private PartFile(Path target, Path working, boolean append, FileChannel channel, boolean keepForResume,
      long lengthAtOpen, long length) {
    this.target = target;
    this.working = working;
    this.append = append;
    this.channel = channel;
    this.keepForResume = keepForResume;
    this.lengthAtOpen = lengthAtOpen;
    this.length = length;
  }

  /**
   * Opens the working file of {@code target} for run {@code runId}, creating missing directories.
   *
   * @param append write straight to {@code target}, after what it already holds, instead of to a
   *     temporary file
   * @param resumeLength the committed length to truncate back to on resume; null on a fresh start
   * @throws EtlException when resuming and the working file is missing or shorter than the checkpoint
   */
  public static PartFile open(Path target, String runId, boolean append, @Nullable Long resumeLength)
      throws IOException {
    return open(target, runId, append, resumeLength, true);
  }

  /**
   * {@link #open(Path, String, boolean, Long)}, saying whether the work is kept for a resume when the file
   * is closed without completing; when not, the temporary file is deleted, or an appended file is cut
   * back to its length at open, so a failed run leaves nothing behind.
   */
  public static PartFile open(Path target, String runId, boolean append, @Nullable Long resumeLength,
      boolean keepForResume) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw new EtlException("cannot write " + absolute + ": it is a directory; give a file name");
    }
    Path dir = absolute.getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      // NoSuchFileException and its kin carry only a path: say what was being done, and why
      throw new EtlException("cannot create the directory " + dir + " for " + absolute.getFileName() + ": "
          + why(e), e);
    }
    // Through the real directory and file, so that out/./a.csv, a symbolic link and out/a.csv are one file
    // to the check below, which two sinks writing one file alternately would otherwise pass.
    Path realDir = dir.toRealPath();
    Path working = !append ? realDir.resolve(partName(absolute, runId))
        : Files.exists(absolute) ? absolute.toRealPath() : realDir.resolve(absolute.getFileName());
    if (!WRITING.add(working)) {
      throw new EtlException("cannot write " + absolute + ": another sink writes it in this process;"
          + " give each sink a destination of its own");
    }
    try {
      // Nothing committed and nothing on disk: a resume is a fresh start.
      if (resumeLength != null && (resumeLength > 0 || Files.exists(working))) {
        return resume(absolute, working, append, keepForResume, resumeLength);
      }
      FileChannel channel = append
          ? FileChannel.open(working, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)
          : FileChannel.open(working, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
      long original = channel.size();
      long length = original;
      if (append && length > 0 && lastByte(channel, length) != '\n') {
        // a file that ends in the middle of a line would take the first appended row onto that line
        channel.write(ByteBuffer.wrap(new byte[] {'\n'}), length);
        length++;
      }
      channel.position(length);
      return new PartFile(absolute, working, append, channel, keepForResume, original, length);
    } catch (IOException | RuntimeException e) {
      WRITING.remove(working);
      throw e;
    }
  }

  private static int lastByte(FileChannel channel, long length) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, length - 1);
    return one.get(0);
  }

  private static String why(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "a directory above it is missing or cannot hold directories";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file stands where a directory should be";
    }
    return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
  }

  private static PartFile resume(Path target, Path working, boolean append, boolean keepForResume, long resumeLength)
      throws IOException {
    if (!Files.exists(working)) {
      throw new EtlException("cannot resume " + target + ": its file in progress " + working + " is missing");
    }
    FileChannel channel = FileChannel.open(working, StandardOpenOption.WRITE);
    long size = channel.size();
    if (size < resumeLength) {
      channel.close();
      throw new EtlException("cannot resume " + target + ": " + working + " holds " + size
          + " bytes, fewer than the " + resumeLength + " committed");
    }
    channel.truncate(resumeLength);
    channel.position(resumeLength);
    return new PartFile(target, working, append, channel, keepForResume, resumeLength, resumeLength);
  }

  /** The temporary name of {@code target} for a run: {@code .employees.csv.<runId>.part}. */
  public static String partName(Path target, String runId) {
    return "." + target.getFileName() + "." + runId.replaceAll("[^A-Za-z0-9._-]", "_") + ".part";
  }

  /** Where the bytes of the batch being written go; nothing reaches the file before {@link #commit()}. */
  public OutputStream buffer() {
    return buffer;
  }

  /** Writes the buffered batch to the file and returns the new committed length. */
  public long commit() throws IOException {
    try {
      ByteBuffer bytes = buffer.asByteBuffer();
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      length = channel.position();
      return length;
    } catch (IOException e) {
      channel.truncate(length);
      channel.position(length);
      throw e;
    } finally {
      buffer.reset();
    }
  }

  /** Drops the buffered bytes of a failed batch. */
  public void discard() {
    buffer.reset();
  }

  /** The committed length in bytes. */
  public long length() {
    return length;
  }

  /** The file the output ends up in. */
  public Path target() {
    return target;
  }

  /** The file being written: the temporary file, or the target when appending. */
  public Path working() {
    return working;
  }

  /** Forces the file to disk and renames it to its target, atomically, replacing an older one. */
  public void complete() throws IOException {
    channel.force(true);
    channel.close();
    completed = true;
    if (!append) {
      Files.move(working, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(target.getParent());
    }
  }

  /** Closes the file; an incomplete working file stays for a resume, or is undone when there will be none. */
  @Override
  public void close() throws IOException {
    WRITING.remove(working);
    if (completed) {
      return;
    }
    if (!keepForResume && append) {
      channel.truncate(lengthAtOpen);
    }
    channel.close();
    if (!keepForResume && !append) {
      Files.deleteIfExists(working);
    }
  }

  /** A rename is durable only once its directory entry is; Linux lets us fsync the directory. */
  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; the rename itself already happened.
    }
  }

  /** A byte buffer that hands its contents to a channel without copying them. */
  private static final class BatchBuffer extends ByteArrayOutputStream {
    BatchBuffer() {
      super(64 * 1024);
    }

    ByteBuffer asByteBuffer() {
      return ByteBuffer.wrap(buf, 0, count);
    }
  }
}
