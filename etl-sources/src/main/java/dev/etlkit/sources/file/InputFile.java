package dev.etlkit.sources.file;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.EtlException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A local file a source reads: its content as a stream starting at any byte offset (of the
 * uncompressed content when gzipped), and how many bytes of the file were read so far.
 *
 * <pre>{@code
 * InputFile file = InputFile.of(Path.of("data/employees.csv.gz"), InputFile.isGzipName(path));
 * try (InputStream in = file.open(resumeOffset)) { ... }
 * }</pre>
 */
public final class InputFile {

  private static final int GZIP_BUFFER = 64 * 1024;

  private final Path path;
  private final boolean gzip;
  private volatile long bytesRead;

  private InputFile(Path path, boolean gzip) {
    this.path = path;
    this.gzip = gzip;
  }

  /** The file at {@code path}, gunzipped while read when {@code gzip}; a missing or unreadable file is a {@link ConfigException}. */
  public static InputFile of(Path path, boolean gzip) {
    String problem = problem(path);
    if (problem != null) {
      throw new ConfigException(problem);
    }
    return new InputFile(path, gzip);
  }

  /** What keeps {@code path} from being read ("file not found: data/x.csv"), or null when it is readable. */
  public static @Nullable String problem(Path path) {
    if (!Files.exists(path)) {
      return "file not found: " + path;
    }
    if (!Files.isRegularFile(path)) {
      return "not a regular file: " + path;
    }
    if (!Files.isReadable(path)) {
      return "file is not readable: " + path;
    }
    return null;
  }

  /** Whether the name says the file is gzipped ({@code .gz}). */
  public static boolean isGzipName(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** The file name alone, for messages: {@code employees.csv}. */
  public String name() {
    return path.getFileName().toString();
  }

  /** The path as given. */
  public Path path() {
    return path;
  }

  /** Whether the content is gunzipped while read. */
  public boolean gzip() {
    return gzip;
  }

  /** The size of the file on disk (compressed when gzipped), or -1 when it cannot be told. */
  public long size() {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return -1;
    }
  }

  /** Bytes of the file on disk read (or skipped) so far by the latest stream; for progress. */
  public long bytesRead() {
    return bytesRead;
  }

  /**
   * The content from byte {@code offset} on. A plain file seeks there; a gzipped one is decompressed
   * and the first {@code offset} bytes thrown away. Fails when the content is shorter than {@code offset}.
   */
  public InputStream open(long offset) throws IOException {
    bytesRead = 0;
    InputStream raw = new Counting(Files.newInputStream(path));
    InputStream in = raw;
    try {
      if (gzip) {
        in = new GZIPInputStream(raw, GZIP_BUFFER);
      }
      skipFully(in, offset);
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The content from its start, for a second look (placing an error, say): not counted in {@link #bytesRead()}. */
  public InputStream content() throws IOException {
    InputStream raw = Files.newInputStream(path);
    return gzip ? new GZIPInputStream(raw, GZIP_BUFFER) : raw;
  }

  /**
   * What a failure to open the file at {@code offset} means to the run: a file that vanished since the
   * run was configured is a {@link ConfigException}, anything else is fatal.
   */
  public RuntimeException openFailure(long offset, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new ConfigException("file not found: " + path, e);
    }
    return new EtlException(name() + ": cannot read from byte " + offset + ": " + e.getMessage(), e);
  }

  private static void skipFully(InputStream in, long offset) throws IOException {
    long left = offset;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("the content ends before byte " + offset);
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }

  /** Counts what is read from the file itself, below any decompression. */
  private final class Counting extends FilterInputStream {

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        bytesRead++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = in.read(buffer, off, len);
      if (n > 0) {
        bytesRead += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      bytesRead += skipped;
      return skipped;
    }
  }
}
