package dev.etlkit.redis;

import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.EtlException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The log entries of one run appended since its last save, kept in memory until the next save writes
 * them together with the checkpoint; and the log lengths of the last checkpoint this store saved or
 * loaded. A run killed before its save thus leaves no entry behind, and a save that is retried after
 * its reply was lost writes each entry once.
 */
final class PendingLogs {

  /** The entries to write to one log: {@code entries} at positions {@code base}, {@code base + 1}, ... */
  record Append(String log, int base, List<byte[]> entries) {
  }

  private final Map<String, List<byte[]>> pending = new LinkedHashMap<>();
  private @Nullable Map<String, Integer> committed;

  synchronized void add(String log, byte[] entry) {
    pending.computeIfAbsent(log, k -> new ArrayList<>()).add(entry);
  }

  /** The checkpoint is in the store: its lengths are the committed ones. */
  synchronized void committed(Checkpoint checkpoint) {
    committed = new HashMap<>(checkpoint.logLengths());
  }

  /** The checkpoint was saved with {@code appends}: they are committed now. */
  synchronized void saved(Checkpoint checkpoint, List<Append> appends) {
    for (Append a : appends) {
      pending.get(a.log()).clear();
    }
    committed(checkpoint);
  }

  /**
   * What to write with {@code checkpoint}. Entries left from an attempt of the run that failed before
   * its save, in this same JVM, are older than the checkpoint allows for: they are dropped.
   *
   * @throws EtlException when the checkpoint counts more new entries than were appended
   */
  synchronized List<Append> forSave(Checkpoint checkpoint) {
    List<Append> appends = new ArrayList<>();
    for (Map.Entry<String, List<byte[]>> e : pending.entrySet()) {
      List<byte[]> entries = e.getValue();
      if (entries.isEmpty()) {
        continue;
      }
      int length = checkpoint.logLengths().getOrDefault(e.getKey(), 0);
      int expected = committed == null ? entries.size() : length - committed.getOrDefault(e.getKey(), 0);
      if (expected < 0 || expected > entries.size()) {
        throw new EtlException("cannot save the checkpoint of run " + checkpoint.runId() + ": log " + e.getKey()
            + " should have " + expected + " new entries, but " + entries.size() + " were appended");
      }
      List<byte[]> fresh = List.copyOf(entries.subList(entries.size() - expected, entries.size()));
      appends.add(new Append(e.getKey(), length - expected, fresh));
    }
    return appends;
  }
}
