package dev.etlkit.examples.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The console's lines: {@code HH:mm:ss.SSS [LEVEL] message}, the message with secrets redacted and no
 * stack trace (the log files have those). Written by hand rather than by a pattern layout, whose
 * set-up alone costs a short command run a noticeable share of its time.
 */
public final class ConsoleLineEncoder extends EncoderBase<ILoggingEvent> {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private final ZoneId zone = ZoneId.systemDefault();

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    String line = TIME.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone)) + " [" + event.getLevel() + "] "
        + Redaction.redact(event.getFormattedMessage()) + System.lineSeparator();
    return line.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }
}
