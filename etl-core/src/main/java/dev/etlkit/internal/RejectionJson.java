package dev.etlkit.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.etlkit.RejectedRecord;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Origin;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Rejected records of one batch as a JSON log entry, so that a resumed run reports the errors from before. */
final class RejectionJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();
  private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };

  private RejectionJson() {
  }

  /** Streamed with a generator: building a map per rejection for the mapper cost the writer thread twice as much. */
  static byte[] write(List<RejectedRecord> rejected) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * rejected.size() + 2);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(bytes)) {
      g.writeStartArray();
      for (RejectedRecord r : rejected) {
        g.writeStartObject();
        g.writeStringField("source", r.origin().source());
        g.writeStringField("position", r.origin().position().description());
        g.writeFieldName("state");
        writeValue(g, r.origin().position().state());
        g.writeStringField("step", r.step());
        g.writeStringField("message", r.message());
        g.writeArrayFieldStart("violations");
        for (Violation v : r.violations()) {
          g.writeStartObject();
          g.writeStringField("field", v.field());
          g.writeStringField("rule", v.rule());
          g.writeStringField("message", v.message());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("raw");
        Object raw = r.raw();
        if (raw == null || raw instanceof String || raw instanceof Map || raw instanceof Record) {
          writeValue(g, raw);
        } else {
          // as the dead letter's "record" shows it
          g.writeString(raw.toString());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new EtlException("cannot encode rejected records: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  /** A raw input or position state: what records and sources hold, nested maps and lists included. */
  private static void writeValue(JsonGenerator g, @Nullable Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Record rec) {
      g.writeStartObject();
      for (int i = 0; i < rec.size(); i++) {
        g.writeFieldName(rec.nameAt(i));
        writeValue(g, rec.valueAt(i));
      }
      g.writeEndObject();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else {
      // BigDecimal, Double, dates, instants and anything else: as the mapper writes them
      MAPPER.writeValue(g, v);
    }
  }

  @SuppressWarnings("unchecked")
  static List<RejectedRecord> read(byte[] json) {
    try {
      List<RejectedRecord> out = new ArrayList<>();
      for (Map<String, Object> m : MAPPER.readValue(json, LIST)) {
        List<Violation> vs = new ArrayList<>();
        for (Map<String, String> v : (List<Map<String, String>>) m.get("violations")) {
          vs.add(new Violation(v.get("field"), v.get("rule"), v.get("message")));
        }
        Position p = Position.restore((String) m.get("position"), (Map<String, Object>) m.get("state"));
        out.add(new RejectedRecord(new Origin((String) m.get("source"), p), (String) m.get("step"),
            (String) m.get("message"), vs, m.get("raw")));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new EtlException("corrupt rejected-records log entry: " + e.getMessage(), e);
    }
  }
}
