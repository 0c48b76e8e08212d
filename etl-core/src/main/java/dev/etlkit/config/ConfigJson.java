package dev.etlkit.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.etlkit.api.ConfigException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Parses config text into plain values: ordered maps, lists, strings, numbers, booleans and nulls. */
final class ConfigJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private ConfigJson() {
  }

  /** The parsed document; malformed text is a {@link ConfigException} naming the line and column. */
  static @Nullable Object parse(String text) {
    if (text.isBlank()) {
      throw new ConfigException("the config is empty; it must be a JSON object");
    }
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new ConfigException(describe(e));
    } catch (IOException e) {
      throw new ConfigException("cannot parse the config: " + e.getMessage(), e);
    }
  }

  /** Compact JSON of plain values. */
  static String write(@Nullable Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain values always serialize", e);
    }
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    // Jackson adds hints on further lines and a "(for Array starting at [Source: ...])" tail; an
    // error is one line, and the location is already given
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    int source = message.indexOf("[Source:");
    int tail = source < 0 ? -1 : message.lastIndexOf(" (", source);
    if (tail > 0) {
      message = message.substring(0, tail);
    }
    return "malformed JSON" + where + ": " + message.strip();
  }
}
