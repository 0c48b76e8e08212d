package dev.etlkit.testkit;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.internal.PluginRegistry;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The forked JVM of a {@link CrashHarness} attempt: builds the test's {@link CrashPipeline}, runs or
 * resumes it with the harness's checkpoint store and trigger, and prints its result as one line.
 * Its only argument is the attempt's properties file, written by {@link CrashAttempt}.
 */
final class CrashChild {

  /** The line with the result of a run that ended on its own. */
  static final String FINISHED = "etlkit-crash:finished ";

  private CrashChild() {
  }

  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
      p.load(in);
    }
    String runId = p.getProperty("runId");
    boolean resume = Boolean.parseBoolean(p.getProperty("resume"));
    String kill = p.getProperty("kill", "");
    CrashPipeline factory = CrashHarness.instantiate(p.getProperty("pipeline"));
    try (CheckpointStore store = PluginRegistry.load().checkpointStore(
        new PluginConfig("checkpoints", prefixed(p, "store."), Path.of(p.getProperty("workDir"))))) {
      long committedBefore = resume
          ? store.load(runId).map(cp -> cp.counts().getOrDefault("batches", 0L)).orElse(0L) : 0L;
      CrashTrigger trigger = new CrashTrigger(kill.isEmpty() ? null : CrashPoint.decode(kill), committedBefore);
      CrashContext context = new CrashContext(Path.of(p.getProperty("outputDir")), p.getProperty("name"),
          prefixed(p, "option."), trigger);
      // A save after every batch, so that "after batch N" kills at batch N, not at a later batch that a
      // checkpoint interval would have folded it into.
      Pipeline pipeline = factory.build(context).checkpoints(new CrashCheckpoints(store, trigger))
          .checkpointInterval(Duration.ZERO).listener(trigger).build();
      PipelineResult r = resume ? pipeline.resume(runId) : pipeline.run(runId);
      if (Boolean.parseBoolean(p.getProperty("deleteCheckpoint"))) {
        store.delete(runId);
      }
      System.out.println(FINISHED + CrashOutcome.of(r).encode());
      System.out.flush();
    }
    // Plugins may leave non-daemon threads behind; the harness only needs the line above.
    System.exit(0);
  }

  private static Map<String, String> prefixed(Properties p, String prefix) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(prefix)) {
        m.put(key.substring(prefix.length()), p.getProperty(key));
      }
    }
    return m;
  }

  static void write(Path file, Properties p) throws IOException {
    try (var out = Files.newBufferedWriter(file)) {
      p.store(out, "one attempt of a crash test");
    }
  }
}
