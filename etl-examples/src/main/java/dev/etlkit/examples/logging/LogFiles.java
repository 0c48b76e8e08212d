package dev.etlkit.examples.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The JSON-lines log files of a run, as the seed keeps them: {@code etl-combined.log} with everything
 * from INFO up, and {@code etl-error.log} with errors only, each rolled over at 5 MB, keeping 10 and 5
 * files. Opened by the command only for a real run, so that {@code --dry-run}, {@code --help} and a
 * rejected config create no file.
 */
public final class LogFiles {

  /** Where the files go, under the working directory. */
  public static final Path DIRECTORY = Path.of("logs");

  private LogFiles() {
  }

  /**
   * Starts writing the log files in {@code directory}; does nothing when Logback is not the SLF4J backend,
   * or when a {@code -Dlogback.configurationFile} of the user's says where logs go instead.
   */
  public static void open(Path directory) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
        || System.getProperty(ConsoleLogConfigurator.USER_CONFIGURATION) != null) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(rolling(context, directory, "etl-combined", 10, null));
    root.addAppender(rolling(context, directory, "etl-error", 5, Level.ERROR));
  }

  /** Flushes and closes every appender; call before the JVM exits. */
  public static void close() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }

  private static RollingFileAppender<ILoggingEvent> rolling(LoggerContext context, Path directory, String name,
      int files, @Nullable Level threshold) {
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName(name);
    appender.setFile(directory.resolve(name + ".log").toString());

    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(directory.resolve(name + ".%i.log").toString());
    rolling.setMinIndex(1);
    rolling.setMaxIndex(files - 1);
    rolling.start();
    appender.setRollingPolicy(rolling);

    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf("5MB"));
    trigger.start();
    appender.setTriggeringPolicy(trigger);

    JsonLinesEncoder encoder = new JsonLinesEncoder();
    encoder.setContext(context);
    encoder.start();
    appender.setEncoder(encoder);

    if (threshold != null) {
      ThresholdFilter filter = new ThresholdFilter();
      filter.setContext(context);
      filter.setLevel(threshold.toString());
      filter.start();
      appender.addFilter(filter);
    }
    appender.start();
    return appender;
  }
}
