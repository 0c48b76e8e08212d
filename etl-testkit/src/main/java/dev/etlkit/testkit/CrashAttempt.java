package dev.etlkit.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One forked JVM of a crash test: started with the test's class path, killed with SIGKILL as soon as
 * it says it reached its kill point, or left to finish and print its result.
 *
 * @param number the attempt's number, for messages and file names
 * @param killedAt where it was killed, or null when it finished on its own
 * @param outcome its result when it finished, or null when it was killed
 */
record CrashAttempt(int number, @Nullable String killedAt, @Nullable CrashOutcome outcome) {

  private static final String END = "\u0000end";

  /** Runs attempt {@code number} described by {@code properties}, in {@code workDir}. */
  static CrashAttempt run(int number, Properties properties, Path workDir, Duration timeout, List<String> jvmArgs)
      throws IOException, InterruptedException {
    Path file = workDir.resolve("attempt-" + number + ".properties");
    CrashChild.write(file, properties);
    Path log = workDir.resolve("attempt-" + number + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashChild.class.getName());
    command.add(file.toString());
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    process.getOutputStream().close();
    BlockingQueue<String> lines = readLines(process);
    long deadline = System.nanoTime() + timeout.toNanos();
    CrashOutcome outcome = null;
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("attempt " + number + " did not end within " + timeout + "; its log " + log
            + " ends with:\n" + tail(log));
      }
      if (line.startsWith(CrashTrigger.READY)) {
        process.destroyForcibly().waitFor();
        return new CrashAttempt(number, line.substring(CrashTrigger.READY.length()), null);
      }
      if (line.startsWith(CrashChild.FINISHED)) {
        outcome = CrashOutcome.decode(line.substring(CrashChild.FINISHED.length()));
      }
      if (line.equals(END)) {
        int exit = process.waitFor();
        if (outcome == null) {
          throw new AssertionError("attempt " + number + " exited with code " + exit + " without a result; its log "
              + log + " ends with:\n" + tail(log));
        }
        return new CrashAttempt(number, null, outcome);
      }
    }
  }

  private static BlockingQueue<String> readLines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        // The process was killed: its output simply ends.
      }
      lines.add(END);
    }, "crash-attempt-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** The last lines of a log, for failure messages. */
  static String tail(Path log) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
