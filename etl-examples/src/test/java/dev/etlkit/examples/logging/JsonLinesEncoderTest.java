package dev.etlkit.examples.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.etlkit.config.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesEncoderTest {

  private final LoggerContext context = new LoggerContext();
  private final JsonLinesEncoder encoder = new JsonLinesEncoder();

  private LoggingEvent event(String message, Throwable error) {
    LoggingEvent e = new LoggingEvent("x", context.getLogger("dev.etlkit.Test"), Level.WARN, message, error, null);
    e.setMDCPropertyMap(Map.of("runId", "run-1"));
    return e;
  }

  @Test
  void writesOneJsonObjectPerLineWithTheRunId() throws Exception {
    byte[] line = encoder.encode(event("retrying GET /users", null));

    String text = new String(line, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n").hasLineCount(1);
    JsonNode json = new ObjectMapper().readTree(text);
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("logger").asText()).isEqualTo("dev.etlkit.Test");
    assertThat(json.get("message").asText()).isEqualTo("retrying GET /users");
    assertThat(json.get("runId").asText()).isEqualTo("run-1");
    assertThat(json.has("timestamp")).isTrue();
  }

  @Test
  void masksSecretsInTheMessageAndTheError() throws Exception {
    Redaction.add(Secrets.of(List.of("sk-encoder-secret")));

    byte[] line = encoder.encode(event("sent sk-encoder-secret", new IllegalStateException("echo sk-encoder-secret")));

    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("message").asText()).isEqualTo("sent ***");
    assertThat(json.get("error").get("type").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(json.get("error").get("message").asText()).isEqualTo("echo ***");
    assertThat(new String(line, StandardCharsets.UTF_8)).doesNotContain("sk-encoder-secret");
  }
}
