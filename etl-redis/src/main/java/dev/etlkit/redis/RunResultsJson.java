package dev.etlkit.redis;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.internal.PlainJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code results} of a finished run, as the seed kept them for other processes: status, counts,
 * duration and failure, without the resume state.
 */
final class RunResultsJson {

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
    return PlainJson.toBytes(m);
  }
}
