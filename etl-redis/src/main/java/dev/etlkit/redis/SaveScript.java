package dev.etlkit.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Lua script that saves a checkpoint, indexes its run and writes the log entries appended since
 * the last save, atomically and in one round trip. Each log is first cut back to the length it had
 * before these entries ({@code base}), so that running the script twice (a retry after a lost reply)
 * writes each entry once.
 */
final class SaveScript {

  static final String LUA = """
      redis.call('SET', KEYS[1], ARGV[1])
      redis.call('SADD', KEYS[2], ARGV[2])
      local a = 3
      for k = 3, #KEYS do
        local base = tonumber(ARGV[a])
        local count = tonumber(ARGV[a + 1])
        a = a + 2
        if base == 0 then
          redis.call('DEL', KEYS[k])
        else
          redis.call('LTRIM', KEYS[k], 0, base - 1)
        end
        for i = 0, count - 1 do
          redis.call('RPUSH', KEYS[k], ARGV[a + i])
        end
        a = a + count
      end
      return 'OK'
      """;

  final String[] keys;
  final byte[][] args;

  /** The keys and arguments for saving {@code json} under {@code checkpointKey}, with {@code appends}. */
  SaveScript(RedisKeys names, String runId, byte[] json, List<PendingLogs.Append> appends) {
    List<String> k = new ArrayList<>();
    List<byte[]> v = new ArrayList<>();
    k.add(names.checkpoint(runId));
    k.add(names.runs());
    v.add(json);
    v.add(text(runId));
    for (PendingLogs.Append a : appends) {
      k.add(names.log(runId, a.log()));
      v.add(text(Integer.toString(a.base())));
      v.add(text(Integer.toString(a.entries().size())));
      v.addAll(a.entries());
    }
    this.keys = k.toArray(String[]::new);
    this.args = v.toArray(byte[][]::new);
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
