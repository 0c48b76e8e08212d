package dev.etlkit.checkpoint;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.api.RunStatus;
import dev.etlkit.internal.PlainJson;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link Checkpoint}, shared by every store so that a checkpoint reads the same
 * wherever it is kept. Field names are stable: stores written by one release are read by the next.
 */
public final class CheckpointJson {

  private CheckpointJson() {
  }

  /** The checkpoint as UTF-8 JSON. */
  public static byte[] write(Checkpoint c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", c.runId());
    m.put("pipeline", c.pipeline());
    m.put("fingerprint", c.fingerprint());
    m.put("status", c.status().name());
    m.put("sourceIndex", c.sourceIndex());
    if (c.position() != null) {
      m.put("position", Map.of("description", c.position().description(), "state", c.position().state()));
    }
    m.put("sinkStates", c.sinkStates());
    m.put("logLengths", c.logLengths());
    m.put("counts", c.counts());
    m.put("details", c.details());
    m.put("startedAt", c.startedAt().toString());
    m.put("updatedAt", c.updatedAt().toString());
    if (c.failure() != null) {
      m.put("failure", c.failure());
    }
    return PlainJson.toBytes(m);
  }

  /**
   * A checkpoint from its JSON; {@code where} (a file, a Redis key) names it in the error when the
   * content is not a valid checkpoint.
   */
  @SuppressWarnings("unchecked")
  public static Checkpoint read(byte[] json, String where) {
    try {
      if (!(PlainJson.parse(json) instanceof Map<?, ?> tree)) {
        throw new IllegalArgumentException("not a JSON object");
      }
      Map<String, Object> m = (Map<String, Object>) tree;
      Map<String, Object> pos = (Map<String, Object>) m.get("position");
      Map<String, Integer> logLengths = new LinkedHashMap<>();
      ((Map<String, Number>) m.getOrDefault("logLengths", Map.of())).forEach((k, v) -> logLengths.put(k, v.intValue()));
      Map<String, Long> counts = new LinkedHashMap<>();
      ((Map<String, Number>) m.getOrDefault("counts", Map.of())).forEach((k, v) -> counts.put(k, v.longValue()));
      return new Checkpoint(
          require(m, "runId", where).toString(),
          require(m, "pipeline", where).toString(),
          require(m, "fingerprint", where).toString(),
          RunStatus.valueOf(require(m, "status", where).toString()),
          ((Number) require(m, "sourceIndex", where)).intValue(),
          pos == null ? null : Position.restore((String) pos.get("description"), (Map<String, Object>) pos.get("state")),
          (List<Map<String, Object>>) m.getOrDefault("sinkStates", List.of()),
          logLengths,
          counts,
          (Map<String, Object>) m.getOrDefault("details", Map.of()),
          Instant.parse(require(m, "startedAt", where).toString()),
          Instant.parse(require(m, "updatedAt", where).toString()),
          (String) m.get("failure"));
    } catch (IOException | RuntimeException e) {
      throw new EtlException("corrupt checkpoint " + where + ": " + firstLine(e.getMessage()), e);
    }
  }

  private static Object require(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing field '" + key + "'");
    }
    return v;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
