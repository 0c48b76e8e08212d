package dev.etlkit.internal;

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
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  static byte[] write(List<RejectedRecord> rejected) {
    List<Map<String, Object>> out = new ArrayList<>(rejected.size());
    for (RejectedRecord r : rejected) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", r.origin().source());
      m.put("position", r.origin().position().description());
      m.put("state", r.origin().position().state());
      m.put("step", r.step());
      m.put("message", r.message());
      List<Map<String, String>> vs = new ArrayList<>();
      for (Violation v : r.violations()) {
        vs.add(Map.of("field", v.field(), "rule", v.rule(), "message", v.message()));
      }
      m.put("violations", vs);
      m.put("raw", raw(r.raw()));
      out.add(m);
    }
    try {
      return MAPPER.writeValueAsBytes(out);
    } catch (IOException e) {
      throw new EtlException("cannot encode rejected records: " + e.getMessage(), e);
    }
  }

  /** The raw input as the dead letter's {@code record} holds it, without building the whole dead letter. */
  private static @Nullable Object raw(@Nullable Object raw) {
    if (raw == null || raw instanceof String || raw instanceof Map) {
      return raw;
    }
    return raw instanceof Record rec ? rec.asMap() : raw.toString();
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
