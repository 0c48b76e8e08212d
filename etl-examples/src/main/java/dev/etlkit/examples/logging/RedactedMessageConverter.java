package dev.etlkit.examples.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %redactedMessage} in a Logback pattern: the formatted message with every secret masked. */
public final class RedactedMessageConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Redaction.redact(event.getFormattedMessage());
  }
}
