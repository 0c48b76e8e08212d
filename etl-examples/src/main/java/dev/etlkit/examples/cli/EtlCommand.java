package dev.etlkit.examples.cli;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.QualityReport;
import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.ConfigException;
import dev.etlkit.api.RetriableException;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.RunStatus;
import dev.etlkit.config.PipelineConfig;
import dev.etlkit.config.Secrets;
import dev.etlkit.examples.logging.LogFiles;
import dev.etlkit.examples.logging.Redaction;
import dev.etlkit.progress.ConsoleProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code java -jar etl.jar --config=FILE [--dry-run] [--resume=RUN_ID] [--report=FILE]}: runs the
 * pipeline of a config file with the employee profile.
 *
 * <p>Stdout gets {@code Run id: <runId>} first, a progress bar when it is a terminal, then the summary.
 * Exit codes: 0 the run succeeded, 1 it failed, 2 bad usage or a bad config. An error is one line on
 * stderr, never a stack trace; secrets never reach stdout, stderr, the logs or the report.
 */
public final class EtlCommand {

  /** A system property fixing "now" (an ISO instant), so that tests get the same output every run. */
  public static final String CLOCK_PROPERTY = "etl.clock";

  private static final Logger LOG = LoggerFactory.getLogger(EtlCommand.class);
  private static final int KEEP_ERRORS = 100_000;
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private final Path config;
  private final boolean dryRun;
  private final @Nullable String resume;
  private final @Nullable Path report;
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;

  private EtlCommand(Arguments args, PrintStream out, PrintStream err, Map<String, String> environment) {
    this.config = Objects.requireNonNull(args.config());
    this.dryRun = args.dryRun();
    this.resume = args.resume();
    this.report = args.report();
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    int code = execute(args, System.out, System.err, System.getenv());
    LogFiles.close();
    System.exit(code);
  }

  static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (Arguments.UsageException e) {
      Redaction.add(Secrets.fromEnvironment(environment));
      err.println(errorLine(e.getMessage()) + " (see --help)");
      return 2;
    }
    if (arguments.help()) {
      out.print(Arguments.USAGE);
      return 0;
    }
    if (arguments.version()) {
      out.println(Arguments.versionLine());
      return 0;
    }
    try {
      return new EtlCommand(arguments, out, err, environment).call();
    } catch (RuntimeException e) {
      LOG.error("etl failed", e);
      err.println(errorLine(e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
      return 1;
    }
  }

  private int call() {
    Redaction.add(Secrets.fromEnvironment(environment));
    if (resume != null && !RUN_ID.matcher(resume).matches()) {
      err.println("error: --resume needs a run id as printed by a run (letters, digits, '.', '_', '-'), was '"
          + Redaction.redact(resume) + "'");
      return 2;
    }
    String reportProblem = report == null ? null : reportProblem(report);
    if (reportProblem != null) {
      err.println("error: --report=" + Redaction.redact(report.toString()) + ": " + reportProblem);
      return 2;
    }
    Clock clock;
    PipelineConfig pipelineConfig;
    try {
      clock = clock();
      pipelineConfig = PipelineConfig.reader().environment(environment::get).profile(new EmployeeProfile()).read(config);
    } catch (ConfigException e) {
      e.problems().forEach(p -> err.println(errorLine(p)));
      return 2;
    }
    Redaction.add(pipelineConfig.secrets());
    if (dryRun) {
      String resumeProblem = resume == null ? null : resumeProblem(pipelineConfig);
      if (resumeProblem != null) {
        err.println(errorLine(resumeProblem));
        return 2;
      }
      DryRun.print(out, config, pipelineConfig);
      if (resume != null) {
        out.println("Resumes run " + resume + " from its last checkpoint");
      }
      return 0;
    }
    return run(pipelineConfig, clock);
  }

  /**
   * Builds the pipeline and checks a {@code --resume} id before anything is created, so that a bad config
   * or run id (exit 2) leaves no log files behind; from there on it is a run, with its id first on stdout.
   */
  private int run(PipelineConfig pipelineConfig, Clock clock) {
    String runId = resume != null ? resume : Pipeline.newRunId();
    MDC.put("runId", runId);
    Pipeline pipeline;
    try {
      pipeline = pipelineConfig.toBuilder()
          .onError(pipelineConfig.errorPolicy().keepErrors(KEEP_ERRORS))
          .listener(ConsoleProgress.forConsole())
          .clock(clock)
          .build();
    } catch (ConfigException e) {
      e.problems().forEach(p -> err.println(errorLine(p)));
      return 2;
    } catch (RuntimeException e) {
      // the checkpoint store is out of reach (REDIS_URL): a run that failed before its first record
      openLogs(pipelineConfig);
      LOG.error("etl failed", e);
      out.println("Run id: " + runId);
      return finish(notStarted(runId, pipelineConfig, e, clock), pipelineConfig, clock, resume != null);
    }
    try (CheckpointStore checkpoints = pipeline.checkpoints()) {
      String resumeProblem = resume == null ? null : resumeProblem(pipeline, checkpoints);
      if (resumeProblem != null) {
        err.println(errorLine(resumeProblem));
        return 2;
      }
      openLogs(pipelineConfig);
      out.println("Run id: " + runId);
      out.flush();
      PipelineResult result = resume != null ? pipeline.resume(runId) : pipeline.run(runId);
      return finish(result, pipelineConfig, clock, true);
    } catch (ConfigException e) {
      e.problems().forEach(p -> err.println(errorLine(p)));
      return 2;
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  private void openLogs(PipelineConfig pipelineConfig) {
    LogFiles.open(LogFiles.DIRECTORY);
    LOG.info("ETL configuration loaded from {}: {}", config, pipelineConfig.redacted());
  }

  /**
   * The summary, the report and the exit code of a run; {@code resumable} when a failure can be continued
   * with {@code --resume} (not so for a new run that failed before its first checkpoint).
   */
  private int finish(PipelineResult result, PipelineConfig pipelineConfig, Clock clock, boolean resumable) {
    RunSummary.print(out, result, pipelineConfig, report, clock.instant());
    out.flush();
    if (report != null) {
      try {
        RunReport.write(report, result, Redaction.secrets());
      } catch (IOException | RuntimeException e) {
        LOG.error("cannot write the report", e);
        err.println(errorLine("cannot write the report to " + report + ": " + e.getMessage())
            + (result.succeeded() ? " (the run itself succeeded)" : ""));
        return 1;
      }
    }
    if (!result.succeeded()) {
      err.println(errorLine("run " + result.runId() + " failed: " + result.failure())
          + (resumable ? "; fix the cause and continue it with --resume=" + result.runId() : "; fix the cause and run it again"));
      return 1;
    }
    return 0;
  }

  private static PipelineResult notStarted(String runId, PipelineConfig pipelineConfig, RuntimeException e, Clock clock) {
    String failure = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return new PipelineResult(runId, pipelineConfig.name(), RunStatus.FAILED, 0, 0, 0, 0, 0, 0, Map.of(), List.of(),
        failure, e, clock.instant(), Duration.ZERO, Map.of(), new QualityReport(Map.of(), Map.of(), 0), false);
  }

  /**
   * Why {@code --resume} could not continue its run with this config, for {@code --dry-run}: no checkpoint,
   * a checkpoint made by another pipeline definition, or a checkpoint store out of reach. Reads, never writes.
   */
  private @Nullable String resumeProblem(PipelineConfig pipelineConfig) {
    Pipeline pipeline;
    try {
      pipeline = pipelineConfig.toBuilder().build();
    } catch (ConfigException e) {
      return e.problems().get(0);
    } catch (RuntimeException e) {
      return "cannot check run " + resume + ": " + e.getMessage();
    }
    try (CheckpointStore checkpoints = pipeline.checkpoints()) {
      return resumeProblem(pipeline, checkpoints);
    } catch (RuntimeException e) {
      return "cannot check run " + resume + ": " + e.getMessage();
    }
  }

  /** Why {@code pipeline} cannot resume the run: it has no checkpoint, or another pipeline made it; else null. */
  private @Nullable String resumeProblem(Pipeline pipeline, CheckpointStore checkpoints) {
    Optional<Checkpoint> saved;
    try {
      saved = checkpoints.load(resume);
    } catch (RetriableException e) {
      throw e; // the store is out of reach: a failed run, as when it was the first call
    } catch (EtlException e) {
      return e.getMessage(); // a corrupt checkpoint: nothing to resume from, as when there is none
    }
    if (saved.isEmpty()) {
      return "no checkpoint for run " + resume + " in " + checkpoints + "; check the run id";
    }
    if (!saved.get().fingerprint().equals(pipeline.fingerprint())) {
      return "run " + resume + " was made by a different pipeline definition (fingerprint "
          + saved.get().fingerprint() + ", now " + pipeline.fingerprint() + "); resuming it would mix outputs";
    }
    return null;
  }

  /** Why the report cannot be written there, found before the run: a directory, or no directory to put it in. */
  private static @Nullable String reportProblem(Path report) {
    Path file = report.toAbsolutePath();
    if (Files.isDirectory(file)) {
      return "is a directory; give a file name";
    }
    for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir)) {
        return Files.isDirectory(dir) && Files.isWritable(dir) ? null : dir + " is not a writable directory";
      }
    }
    return null;
  }

  /** {@code error: <message>} in one line, every secret masked: a server's message may span several. */
  private static String errorLine(String message) {
    return "error: " + Redaction.redact(message.strip().replaceAll("\\s*\\R\\s*", " "));
  }

  private int failed(RuntimeException e) {
    LOG.error("etl failed", e);
    err.println(errorLine(e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
    return 1;
  }

  private static Clock clock() {
    String fixed = System.getProperty(CLOCK_PROPERTY);
    if (fixed == null || fixed.isBlank()) {
      return Clock.systemDefaultZone();
    }
    try {
      return Clock.fixed(Instant.parse(fixed.strip()), ZoneId.systemDefault());
    } catch (DateTimeParseException e) {
      throw new ConfigException("-D" + CLOCK_PROPERTY + " must be an ISO instant such as 2024-06-01T12:00:00Z, was \""
          + fixed + "\"");
    }
  }
}
