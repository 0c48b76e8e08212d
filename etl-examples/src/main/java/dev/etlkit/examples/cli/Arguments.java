package dev.etlkit.examples.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The command line: {@code --config=FILE [--dry-run] [--resume=RUN_ID] [--report=FILE]}, or {@code -h} /
 * {@code --help}, {@code -V} / {@code --version}. An option's value follows {@code =} or comes as the next
 * argument. Parsed by hand: a parsing library cost every run about 0.15 s of start-up for four options.
 */
record Arguments(@Nullable Path config, boolean dryRun, @Nullable String resume, @Nullable Path report, boolean help,
    boolean version) {

  static final String USAGE = """
      Usage: etl [-hV] [--dry-run] --config=FILE [--report=FILE] [--resume=RUN_ID]
      Runs the extract-transform-load pipeline of a JSON config file.
            --config=FILE     the pipeline's JSON config
            --dry-run         check the config (fields, types, files, plugins) and
                                touch no output
            --resume=RUN_ID   continue the run with this id from its last checkpoint
            --report=FILE     write a JSON report of the run to FILE
        -h, --help            Show this help message and exit.
        -V, --version         Print version information and exit.

      Exit codes:
        0   the run succeeded (or the config is valid, with --dry-run)
        1   the run failed
        2   bad usage or a bad config

      Environment: DATABASE_URL for a database output; REDIS_URL to keep checkpoints
      in Redis (else .etl/checkpoints); any ${NAME} in the config. Logs of real runs
      go to logs/.
      """;

  /** Bad usage, in one line without the "error: " prefix. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** The arguments; a {@link UsageException} for an unknown, repeated or incomplete option, or no {@code --config}. */
  static Arguments parse(String[] args) throws UsageException {
    Path config = null;
    String resume = null;
    Path report = null;
    boolean dryRun = false;
    boolean help = false;
    boolean version = false;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      switch (name) {
        case "-h", "--help" -> help = true;
        case "-V", "--version" -> version = true;
        case "-hV", "-Vh" -> {
          help = true;
          version = true;
        }
        case "--dry-run" -> {
          if (eq > 0) {
            throw new UsageException("option '--dry-run' takes no value, was '" + arg + "'");
          }
          dryRun = true;
        }
        case "--config", "--resume", "--report" -> {
          if (!seen.add(name)) {
            throw new UsageException("option '" + name + "' (" + label(name) + ") should be specified only once");
          }
          String value;
          if (eq > 0) {
            value = arg.substring(eq + 1);
          } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
            value = args[++i];
          } else {
            throw new UsageException("Missing required parameter for option '" + name + "' (" + label(name) + ")");
          }
          if (value.isBlank()) {
            throw new UsageException("option '" + name + "' needs a value (" + label(name) + ")");
          }
          switch (name) {
            case "--config" -> config = path(name, value);
            case "--resume" -> resume = value;
            default -> report = path(name, value);
          }
        }
        default -> throw new UsageException(arg.startsWith("-") ? "Unknown option: '" + arg + "'"
            : "Unexpected argument: '" + arg + "'; the config is given as --config=" + arg);
      }
    }
    if (config == null && !help && !version) {
      throw new UsageException("Missing required option: '--config=FILE'");
    }
    return new Arguments(config, dryRun, resume, report, help, version);
  }

  private static Path path(String option, String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException("option '" + option + "': not a file name: " + e.getReason());
    }
  }

  private static String label(String option) {
    return option.equals("--resume") ? "RUN_ID" : "FILE";
  }

  /** "etl 0.1.0", the version in the jar's manifest. */
  static String versionLine() {
    String v = Arguments.class.getPackage().getImplementationVersion();
    return "etl " + (v == null ? "(development build)" : v);
  }
}
