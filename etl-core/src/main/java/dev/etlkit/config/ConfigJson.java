package dev.etlkit.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.etlkit.api.ConfigException;
import dev.etlkit.internal.PlainJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Parses config text into plain values: ordered maps, lists, strings, numbers, booleans and nulls. */
final class ConfigJson {

  /** A key given twice is an error: with the last one silently winning, a typo would go unnoticed. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private ConfigJson() {
  }

  /** The parsed document; malformed text is a {@link ConfigException} naming the line and column. */
  static @Nullable Object parse(String text) {
    if (text.isBlank()) {
      throw new ConfigException("the config is empty; it must be a JSON object");
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      return PlainJson.readDocument(p);
    } catch (JsonProcessingException e) {
      throw new ConfigException(describe(e));
    } catch (IOException e) {
      throw new ConfigException("cannot parse the config: " + e.getMessage(), e);
    }
  }

  /** Compact JSON of plain values. */
  static String write(@Nullable Object value) {
    return new String(PlainJson.toBytes(value), StandardCharsets.UTF_8);
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
