package dev.etlkit.testkit;

import dev.etlkit.api.Sink;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link CrashPipeline} is told: where to write, which of the harness's runs it is part of,
 * the options the test gave, and a way to watch sinks so that a run can be killed mid-write.
 */
public final class CrashContext {

  private final Path outputDir;
  private final String name;
  private final Map<String, String> options;
  private final CrashTrigger trigger;

  CrashContext(Path outputDir, String name, Map<String, String> options, CrashTrigger trigger) {
    this.outputDir = outputDir;
    this.name = name;
    this.options = Map.copyOf(options);
    this.trigger = trigger;
  }

  /** The directory for the run's files; one for the uninterrupted run, another for the crashed one. */
  public Path outputDir() {
    return outputDir;
  }

  /** {@code "uninterrupted"} or {@code "crashed"}: to name a table per run, say. */
  public String name() {
    return name;
  }

  /** An option the test gave with {@link CrashHarness#option(String, String)}, or null. */
  public @Nullable String option(String name) {
    return options.get(name);
  }

  /**
   * The sink, watched: the harness can kill the run halfway through one of its writes. Wrap every sink
   * the same way in every run; the sink watched last is the one killed mid-write.
   */
  public <T> Sink<T> watch(Sink<T> sink) {
    return new CrashSink<>(sink, trigger);
  }
}
