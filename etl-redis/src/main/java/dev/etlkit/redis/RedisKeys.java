package dev.etlkit.redis;

import java.util.regex.Pattern;

/**
 * The names of a run's keys under a prefix: {@code <prefix>:<runId>:checkpoint},
 * {@code <prefix>:<runId>:log:<name>}, {@code <prefix>:<runId>:progress},
 * {@code <prefix>:<runId>:results}, {@code <prefix>:<runId>:lock}, and the set of run ids {@code <prefix>:runs}.
 */
record RedisKeys(String prefix) {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

  RedisKeys {
    checkPrefix(prefix);
  }

  /** The prefix, if it is safe in key names and SCAN patterns. */
  static String checkPrefix(String prefix) {
    if (!SAFE.matcher(prefix).matches()) {
      throw new IllegalArgumentException("Redis key prefix must use letters, digits, '.', '_' or '-', was '" + prefix + "'");
    }
    return prefix;
  }

  String checkpoint(String runId) {
    return run(runId) + "checkpoint";
  }

  String log(String runId, String log) {
    return run(runId) + "log:" + check("log name", log);
  }

  String progress(String runId) {
    return run(runId) + "progress";
  }

  String lock(String runId) {
    return run(runId) + "lock";
  }

  String results(String runId) {
    return run(runId) + "results";
  }

  String runs() {
    return prefix + ":runs";
  }

  /** A SCAN pattern for every key of the run; safe because ids hold no glob characters. */
  String everyKeyOf(String runId) {
    return run(runId) + "*";
  }

  private String run(String runId) {
    return prefix + ":" + check("run id", runId) + ":";
  }

  /** Ids become parts of key names: refuse ':' and glob characters, which could reach another run's keys. */
  private static String check(String what, String id) {
    if (!SAFE.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " must use letters, digits, '.', '_' or '-', was '" + id + "'");
    }
    return id;
  }
}
