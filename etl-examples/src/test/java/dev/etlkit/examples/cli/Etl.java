package dev.etlkit.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs {@code target/etl.jar} as a separate process, the way a user does, in a working directory of the
 * test's own, with "now" fixed so that outputs are the same on every run. The environment is the
 * test's: nothing of the machine's DATABASE_URL, REDIS_URL or API_KEY leaks in.
 */
final class Etl {

  /** The "now" of every run: validation's "today" and enrichment's processedAt. */
  static final String NOW = "2025-01-15T12:00:00Z";

  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final List<String> HOST_VARIABLES = List.of("DATABASE_URL", "REDIS_URL", "API_KEY");

  /** What a finished run left: its exit code and everything it printed. */
  record Outcome(int exitCode, String stdout, String stderr) {

    List<String> stdoutLines() {
      return stdout.lines().toList();
    }

    List<String> stderrLines() {
      return stderr.lines().toList();
    }
  }

  private Etl() {
  }

  /** The jar under test: failsafe passes its path; from an IDE it is found under target/. */
  static Path jar() {
    String path = System.getProperty("etl.jar");
    Path jar = path != null ? Path.of(path) : Path.of("target", "etl.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing; build it with ./mvnw package -pl etl-examples -am");
    }
    return jar.toAbsolutePath();
  }

  /** The etl-examples directory, holding config/ and data/. */
  static Path examples() {
    String path = System.getProperty("etl.examples");
    return (path != null ? Path.of(path) : Path.of("")).toAbsolutePath();
  }

  /** Copies the shipped configs and data into {@code dir/etl-examples/}, so that their paths work from {@code dir}. */
  static void copyExamples(Path dir) throws IOException {
    for (String sub : List.of("config", "data")) {
      Path from = examples().resolve(sub);
      Path to = Files.createDirectories(dir.resolve("etl-examples").resolve(sub));
      try (Stream<Path> files = Files.list(from)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  /**
   * Runs the command to its end in {@code dir}; what it prints is kept next to {@code dir}, so that
   * {@code dir} holds only what the command itself made.
   */
  static Outcome run(Path dir, Map<String, String> env, String... args) {
    int n = RUNS.incrementAndGet();
    Path out = dir.resolveSibling(dir.getFileName() + "-" + n + ".stdout");
    Path err = dir.resolveSibling(dir.getFileName() + "-" + n + ".stderr");
    Process p = start(dir, env, out, err, args);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("etl " + String.join(" ", args) + " did not finish within 120 s");
      }
      return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the command with stdout and stderr going to files. */
  static Process start(Path dir, Map<String, String> env, Path stdout, Path stderr, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-D" + EtlCommand.CLOCK_PROPERTY + "=" + NOW, "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
        "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    HOST_VARIABLES.forEach(pb.environment()::remove);
    pb.environment().putAll(env);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under {@code dir}, relative to it, for before/after comparisons. */
  static List<String> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
