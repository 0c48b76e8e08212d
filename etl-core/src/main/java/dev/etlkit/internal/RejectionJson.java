package dev.etlkit.internal;

import com.fasterxml.jackson.core.JsonGenerator;
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

/** Rejected records of one batch as a JSON log entry, so that a resumed run reports the errors from before. */
final class RejectionJson {

  private RejectionJson() {
  }

  /** Streamed with a generator: building a map per rejection for the mapper cost the writer thread twice as much. */
  static byte[] write(List<RejectedRecord> rejected) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * rejected.size() + 2);
    try (JsonGenerator g = PlainJson.factory().createGenerator(bytes)) {
      g.writeStartArray();
      for (RejectedRecord r : rejected) {
        g.writeStartObject();
        g.writeStringField("source", r.origin().source());
        g.writeStringField("position", r.origin().position().description());
        g.writeFieldName("state");
        PlainJson.write(g, r.origin().position().state());
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
        if (PlainJson.isRawItem(raw)) {
          PlainJson.write(g, raw);
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

  @SuppressWarnings("unchecked")
  static List<RejectedRecord> read(byte[] json) {
    try {
      List<RejectedRecord> out = new ArrayList<>();
      for (Map<String, Object> m : (List<Map<String, Object>>) PlainJson.parse(json)) {
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
