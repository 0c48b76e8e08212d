package dev.etlkit.examples.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line, as the seed's winston JSON logs:
 * {@code {"timestamp":"...","level":"INFO","logger":"...","thread":"...","message":"...","runId":"..."}},
 * plus {@code "error"} with the exception's type, message and stack trace. Every string is masked with
 * {@link Redaction}.
 */
public final class JsonLinesEncoder extends EncoderBase<ILoggingEvent> {

  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] NOTHING = new byte[0];

  @Override
  public byte[] headerBytes() {
    return NOTHING;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      g.writeStringField("level", event.getLevel().toString());
      g.writeStringField("logger", event.getLoggerName());
      g.writeStringField("thread", event.getThreadName());
      g.writeStringField("message", Redaction.redact(event.getFormattedMessage()));
      for (Map.Entry<String, String> e : event.getMDCPropertyMap().entrySet()) {
        g.writeStringField(e.getKey(), Redaction.redact(e.getValue()));
      }
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) {
        g.writeObjectFieldStart("error");
        g.writeStringField("type", error.getClassName());
        g.writeStringField("message", Redaction.redact(String.valueOf(error.getMessage())));
        g.writeStringField("stack", Redaction.redact(ThrowableProxyUtil.asString(error)));
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  @Override
  public byte[] footerBytes() {
    return NOTHING;
  }
}
