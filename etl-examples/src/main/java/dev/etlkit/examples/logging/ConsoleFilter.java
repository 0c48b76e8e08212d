package dev.etlkit.examples.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What reaches the console (stderr): warnings and errors, and the periodic progress lines when there is
 * no terminal to draw a bar on. The engine's "run failed" error and the command's own errors are left to
 * the log files, with their stack traces: the command prints the outcome itself, as one line.
 */
public final class ConsoleFilter extends Filter<ILoggingEvent> {

  private static final String PROGRESS = "dev.etlkit.progress.ConsoleProgress";
  private static final String RUN = "dev.etlkit.internal.Run";
  private static final String COMMAND = "dev.etlkit.examples.cli.EtlCommand";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (event.getLoggerName().equals(PROGRESS)) {
      return FilterReply.ACCEPT;
    }
    if ((event.getLoggerName().equals(RUN) || event.getLoggerName().equals(COMMAND)) && event.getLevel() == Level.ERROR) {
      return FilterReply.DENY;
    }
    return event.getLevel().isGreaterOrEqual(Level.WARN) ? FilterReply.ACCEPT : FilterReply.DENY;
  }
}
