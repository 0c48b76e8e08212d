package dev.etlkit.examples.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import dev.etlkit.config.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConsoleLoggingTest {

  @Test
  void writesTimeLevelAndRedactedMessageWithoutTheStackTrace() {
    Redaction.add(Secrets.of(List.of("sk-console-secret")));
    LoggerContext context = new LoggerContext();
    LoggingEvent event = new LoggingEvent("x", context.getLogger("dev.etlkit.Test"), Level.WARN,
        "retrying with sk-console-secret", new IllegalStateException("boom"), null);

    String line = new String(new ConsoleLineEncoder().encode(event), StandardCharsets.UTF_8);

    assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d \\[WARN\\] retrying with \\*\\*\\*" + System.lineSeparator());
  }

  @Test
  void theCommandsConsoleIsStderrShowingWarningsAndQuietingChattyLibraries() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    assertThat(root.getAppender("console")).isInstanceOfSatisfying(ConsoleAppender.class,
        console -> assertThat(console.getTarget()).isEqualTo("System.err"));
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("com.zaxxer.hikari").getEffectiveLevel()).isEqualTo(Level.WARN);
  }
}
