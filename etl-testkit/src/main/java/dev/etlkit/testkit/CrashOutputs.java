package dev.etlkit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Compares the files two runs left in their output directories, byte for byte, and says where they differ. */
final class CrashOutputs {

  private CrashOutputs() {
  }

  /** The paths of the regular files under {@code dir}, relative to it, sorted. */
  static Set<String> files(Path dir) throws IOException {
    Set<String> names = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.filter(Files::isRegularFile).forEach(p -> names.add(dir.relativize(p).toString()));
    }
    return names;
  }

  /** Every difference between the files under {@code expected} and {@code actual}, one line each. */
  static List<String> differences(Path expected, Path actual) throws IOException {
    Set<String> want = files(expected);
    Set<String> got = files(actual);
    List<String> problems = new ArrayList<>();
    for (String name : want) {
      if (!got.contains(name)) {
        problems.add(name + ": missing after the resume");
      } else {
        long at = Files.mismatch(expected.resolve(name), actual.resolve(name));
        if (at >= 0) {
          problems.add(name + ": " + describe(expected.resolve(name), actual.resolve(name), at));
        }
      }
    }
    for (String name : got) {
      if (!want.contains(name)) {
        problems.add(name + ": left by the crashed run only");
      }
    }
    return problems;
  }

  private static String describe(Path expected, Path actual, long at) throws IOException {
    long expectedSize = Files.size(expected);
    long actualSize = Files.size(actual);
    String sizes = expectedSize == actualSize ? expectedSize + " bytes each"
        : expectedSize + " bytes uninterrupted, " + actualSize + " resumed";
    long[] line = lineOf(expected, at);
    return "line " + line[0] + " differs first, at byte " + at + " (" + sizes + "): uninterrupted has "
        + excerpt(expected, line[1]) + ", resumed has " + excerpt(actual, line[1]);
  }

  /** The 1-based number and the start offset of the line that byte {@code offset} is on. */
  private static long[] lineOf(Path file, long offset) throws IOException {
    long line = 1;
    long start = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      long pos = 0;
      for (int n = in.read(buf); n > 0 && pos < offset; n = in.read(buf)) {
        for (int i = 0; i < n && pos < offset; i++, pos++) {
          if (buf[i] == '\n') {
            line++;
            start = pos + 1;
          }
        }
      }
    }
    return new long[] {line, start};
  }

  /** The line starting at {@code start}, at most 80 bytes of it, quoted. */
  private static String excerpt(Path file, long start) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      if (start >= ch.size()) {
        return "nothing (the file ends there)";
      }
      ByteBuffer buf = ByteBuffer.allocate(80);
      ch.read(buf, start);
      String s = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
      int nl = s.indexOf('\n');
      return "\"" + visible(nl < 0 ? s : s.substring(0, nl)) + "\"";
    }
  }

  /** Control characters escaped: a file the crash left with zero bytes in it would otherwise look blank. */
  private static String visible(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
