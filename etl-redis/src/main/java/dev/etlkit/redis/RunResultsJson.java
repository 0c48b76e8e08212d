package dev.etlkit.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.EtlException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code results} of a finished run, as the seed kept them for other processes: status, counts,
 * duration and failure, without the resume state.
 */
final class RunResultsJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private RunResultsJson() {
  }

  static byte[] write(Checkpoint c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", c.runId());
    m.put("pipeline", c.pipeline());
    m.put("status", c.status().name());
    for (String count : new String[] {"read", "rejected", "duplicates", "filtered", "written", "batches"}) {
      m.put(count, c.counts().getOrDefault(count, 0L));
    }
    m.put("durationMs", c.counts().getOrDefault("elapsedMillis", 0L));
    m.put("startedAt", c.startedAt().toString());
    m.put("finishedAt", c.updatedAt().toString());
    if (c.failure() != null) {
      m.put("failure", c.failure());
    }
    try {
      return MAPPER.writeValueAsBytes(m);
    } catch (IOException e) {
      throw new EtlException("cannot encode the results of run " + c.runId() + ": " + e.getMessage(), e);
    }
  }
}
