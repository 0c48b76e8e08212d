package dev.etlkit.examples.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * The command's logging, set up in code (found by Logback through {@code ServiceLoader}): the console
 * is stderr and shows warnings, errors and, without a terminal, progress lines, so that stdout holds
 * only the run id and the summary; the JSON-lines files are added by {@link LogFiles} for real runs.
 * A {@code -Dlogback.configurationFile} given on the command line still wins. Set up in code because
 * reading an XML configuration costs the command a few hundred milliseconds of CPU at every start.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

  /** The system property naming a Logback configuration of the user's, which replaces this set-up and the log files. */
  static final String USER_CONFIGURATION = "logback.configurationFile";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(USER_CONFIGURATION) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    context.getStatusManager().add(new NopStatusListener());

    ConsoleLineEncoder encoder = new ConsoleLineEncoder();
    encoder.setContext(context);
    encoder.start();
    ConsoleFilter filter = new ConsoleFilter();
    filter.setContext(context);
    filter.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setTarget(ConsoleTarget.SystemErr.getName());
    console.setEncoder(encoder);
    console.addFilter(filter);
    console.start();

    for (String noisy : new String[] {"com.zaxxer.hikari", "io.lettuce", "io.netty"}) {
      context.getLogger(noisy).setLevel(Level.WARN);
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
