package dev.etlkit.testkit;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file sink for crash tests of sources and transformers, which the test kit cannot take from
 * {@code etl-sinks}: each item's {@code toString()} on its own line, UTF-8. Its state is the committed
 * length; on resume it truncates the file back to it, so a resumed run's file equals an uninterrupted
 * run's.
 *
 * @param <T> the item type
 */
public final class CrashTextSink<T> implements Sink<T> {

  private static final String LENGTH = "length";

  private final Path path;
  private final ByteArrayOutputStream batch = new ByteArrayOutputStream(64 * 1024);
  private @Nullable FileChannel file;
  private long length;

  private CrashTextSink(Path path) {
    this.path = path;
  }

  /** A sink writing {@code path}, replacing it on a fresh start. */
  public static <T> CrashTextSink<T> file(Path path) {
    return new CrashTextSink<>(Objects.requireNonNull(path, "path"));
  }

  @Override
  public String name() {
    return path.getFileName().toString();
  }

  @Override
  public void open(SinkContext context) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    Map<String, Object> restored = context.restoredState();
    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    length = restored == null ? 0 : ((Number) restored.get(LENGTH)).longValue();
    ch.truncate(length);
    ch.position(length);
    file = ch;
  }

  @Override
  public void write(Chunk<T> chunk) throws IOException {
    FileChannel ch = Objects.requireNonNull(file, "open() first");
    batch.reset();
    for (T item : chunk.items()) {
      batch.write(String.valueOf(item).getBytes(StandardCharsets.UTF_8));
      batch.write('\n');
    }
    ByteBuffer bytes = ByteBuffer.wrap(batch.toByteArray());
    while (bytes.hasRemaining()) {
      ch.write(bytes);
    }
    length = ch.position();
  }

  @Override
  public Map<String, Object> state() {
    return Map.of(LENGTH, length);
  }

  @Override
  public void complete() throws IOException {
    Objects.requireNonNull(file, "open() first").force(true);
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }
}
