package dev.etlkit.testkit;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Proves a pipeline resumable: runs it once uninterrupted in a forked JVM, then again in forked JVMs
 * killed with SIGKILL at chosen points and resumed each time under the same run id, and checks that the
 * resumed run ends with the same counts and the same outputs, byte for byte for files under the output
 * directory and item for item for {@link CrashPipeline#otherOutputs}.
 *
 * <pre>{@code
 * CrashHarness.of(NumbersToCsv.class)
 *     .killAfterBatch(3)
 *     .killDuringWrite(40)
 *     .assertResumedOutputEqualsUninterrupted();
 * }</pre>
 *
 * <p>Checkpoints go to a file store in the work directory unless {@link #checkpoints} names another.
 * The forked JVMs get the test's class path and environment. A failure says which file differs where,
 * and leaves the work directory (outputs, and one log per forked JVM) for a look; a temporary one is
 * deleted when the check passes.
 */
public final class CrashHarness {

  private static final String RUN_ID = "crash-test";

  private final Class<? extends CrashPipeline> pipeline;
  private final List<CrashPoint> kills = new ArrayList<>();
  private final Map<String, String> store = new LinkedHashMap<>(Map.of("type", "file"));
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> jvmArgs = new ArrayList<>();
  private @Nullable Path workDir;
  private Duration timeout = Duration.ofMinutes(5);

  private CrashHarness(Class<? extends CrashPipeline> pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * A harness for the pipeline that {@code pipeline} builds.
   *
   * @throws IllegalArgumentException when the class is not public or has no public no-argument constructor
   */
  public static CrashHarness of(Class<? extends CrashPipeline> pipeline) {
    constructor(pipeline);
    return new CrashHarness(pipeline);
  }

  /**
   * Kills a run once the first checkpoint that covers batch {@code batch} (1-based, counted over the
   * whole run) is saved; the sinks may have written later batches by then.
   */
  public CrashHarness killAfterBatch(long batch) {
    kills.add(new CrashPoint(CrashPoint.Kind.AFTER_BATCH, batch));
    return this;
  }

  /**
   * Kills a run halfway through writing batch {@code batch} to the sink watched last, earlier sinks
   * having written all of it and every earlier batch checkpointed: the outputs then hold data that no
   * checkpoint knows of.
   */
  public CrashHarness killDuringWrite(long batch) {
    kills.add(new CrashPoint(CrashPoint.Kind.DURING_WRITE, batch));
    return this;
  }

  /**
   * Kills a run just before the first checkpoint that covers batch {@code batch} is saved: the sinks
   * wrote the batch (and maybe later ones), the store has the log entries the engine appended for it.
   */
  public CrashHarness killBeforeCheckpoint(long batch) {
    kills.add(new CrashPoint(CrashPoint.Kind.BEFORE_CHECKPOINT, batch));
    return this;
  }

  /**
   * Keeps checkpoints in a store of another type ({@code "redis"}) with these options; for {@code "file"}
   * without a {@code directory}, each run gets one in the work directory.
   */
  public CrashHarness checkpoints(String type, Map<String, ?> storeOptions) {
    store.clear();
    store.put("type", Objects.requireNonNull(type, "type"));
    storeOptions.forEach((k, v) -> store.put(k, String.valueOf(v)));
    return this;
  }

  /** An option for the pipeline, read with {@link CrashContext#option(String)} in every JVM. */
  public CrashHarness option(String name, String value) {
    options.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Where outputs, checkpoints and logs go; a new temporary directory by default. */
  public CrashHarness workDir(Path dir) {
    this.workDir = Objects.requireNonNull(dir, "dir");
    return this;
  }

  /** How long one forked JVM may take; 5 minutes by default. */
  public CrashHarness timeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /** Options for the forked JVMs ({@code -Xmx256m}). */
  public CrashHarness jvmArgs(String... args) {
    jvmArgs.addAll(List.of(args));
    return this;
  }

  /**
   * Runs the pipeline uninterrupted, then killed at every kill point in turn and resumed to its end,
   * and compares the two.
   *
   * @throws AssertionError saying what differs, or which run did not behave
   * @throws IllegalStateException when no kill point was given
   */
  public void assertResumedOutputEqualsUninterrupted() throws IOException, InterruptedException {
    if (kills.isEmpty()) {
      throw new IllegalStateException("no kill point: call killAfterBatch, killDuringWrite or killBeforeCheckpoint first");
    }
    Path work = workDir != null ? workDir : Files.createTempDirectory("etl-crash-");
    int attempt = 1;
    CrashOutcome whole = finish(CrashAttempt.run(attempt++, properties(work, "uninterrupted", false, null), work, timeout, jvmArgs),
        "the uninterrupted run", work);
    boolean resume = false;
    for (CrashPoint kill : kills) {
      CrashAttempt a = CrashAttempt.run(attempt, properties(work, "crashed", resume, kill), work, timeout, jvmArgs);
      if (a.killedAt() == null) {
        throw new AssertionError("attempt " + attempt + " was to be killed " + kill + " but ended first: "
            + Objects.requireNonNull(a.outcome()).encode()
            + (kill.kind() == CrashPoint.Kind.DURING_WRITE ? " (a kill during a write needs the sink wrapped with context.watch)" : "")
            + "; its log is " + work.resolve("attempt-" + attempt + ".log"));
      }
      resume = true;
      attempt++;
    }
    CrashOutcome resumed = finish(CrashAttempt.run(attempt, properties(work, "crashed", true, null), work, timeout, jvmArgs),
        "the resumed run", work);
    if (!resumed.counts().equals(whole.counts())) {
      throw new AssertionError("the resumed run counted " + resumed.counts() + "; the uninterrupted one " + whole.counts());
    }
    compareOutputs(work);
    if (workDir == null) {
      deleteTree(work);
    }
  }

  /** A temporary work directory that passed holds nothing worth keeping, and may hold hundreds of megabytes. */
  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  private void compareOutputs(Path work) throws IOException {
    Path expected = outputDir(work, "uninterrupted");
    Path actual = outputDir(work, "crashed");
    List<String> problems = new ArrayList<>(CrashOutputs.differences(expected, actual));
    List<String> otherExpected;
    List<String> otherActual;
    try {
      CrashPipeline p = instantiate(pipeline.getName());
      otherExpected = p.otherOutputs(new CrashContext(expected, "uninterrupted", options, CrashTrigger.never()));
      otherActual = p.otherOutputs(new CrashContext(actual, "crashed", options, CrashTrigger.never()));
    } catch (Exception e) {
      throw new AssertionError("otherOutputs of " + pipeline.getName() + " failed: " + e, e);
    }
    if (!otherExpected.equals(otherActual)) {
      problems.add("other outputs: " + firstDifference(otherExpected, otherActual));
    }
    if (CrashOutputs.files(expected).isEmpty() && otherExpected.isEmpty()) {
      throw new AssertionError("nothing to compare: the uninterrupted run wrote no file under " + expected
          + " and otherOutputs() is empty");
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("the resumed run's outputs differ from the uninterrupted run's (work directory "
          + work + "):\n" + String.join("\n", problems));
    }
  }

  private static String firstDifference(List<String> expected, List<String> actual) {
    int i = 0;
    while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
      i++;
    }
    return expected.size() + " items uninterrupted, " + actual.size() + " resumed; first difference at item " + i
        + ": uninterrupted " + (i < expected.size() ? expected.get(i) : "has none") + ", resumed "
        + (i < actual.size() ? actual.get(i) : "has none");
  }

  private static CrashOutcome finish(CrashAttempt attempt, String what, Path work) {
    CrashOutcome o = Objects.requireNonNull(attempt.outcome());
    if (o.status() != dev.etlkit.api.RunStatus.SUCCEEDED) {
      throw new AssertionError(what + " (attempt " + attempt.number() + ") did not succeed: " + o.failure()
          + "; its log is " + work.resolve("attempt-" + attempt.number() + ".log"));
    }
    return o;
  }

  private Properties properties(Path work, String name, boolean resume, @Nullable CrashPoint kill) throws IOException {
    Properties p = new Properties();
    p.setProperty("pipeline", pipeline.getName());
    p.setProperty("runId", RUN_ID);
    p.setProperty("name", name);
    p.setProperty("resume", Boolean.toString(resume));
    p.setProperty("kill", kill == null ? "" : kill.encode());
    p.setProperty("deleteCheckpoint", Boolean.toString(name.equals("uninterrupted")));
    p.setProperty("workDir", work.toString());
    p.setProperty("outputDir", Files.createDirectories(outputDir(work, name)).toString());
    store.forEach((k, v) -> p.setProperty("store." + k, v));
    if (store.get("type").equals("file") && !store.containsKey("directory")) {
      p.setProperty("store.directory", work.resolve(name).resolve("checkpoints").toString());
    }
    options.forEach((k, v) -> p.setProperty("option." + k, v));
    return p;
  }

  private static Path outputDir(Path work, String name) {
    return work.resolve(name).resolve("out");
  }

  /** A new instance of the named {@link CrashPipeline} class. */
  static CrashPipeline instantiate(String className) throws ReflectiveOperationException {
    Class<?> c = Class.forName(className);
    if (!CrashPipeline.class.isAssignableFrom(c)) {
      throw new IllegalArgumentException(className + " does not implement " + CrashPipeline.class.getName());
    }
    return constructor(c.asSubclass(CrashPipeline.class)).newInstance();
  }

  private static Constructor<? extends CrashPipeline> constructor(Class<? extends CrashPipeline> c) {
    try {
      Constructor<? extends CrashPipeline> ctor = c.getConstructor();
      if (!Modifier.isPublic(c.getModifiers())) {
        throw new NoSuchMethodException();
      }
      return ctor;
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(c.getName() + " must be a public class with a public no-argument constructor,"
          + " so that every forked JVM can make one");
    }
  }
}
