package dev.etlkit.internal;

import dev.etlkit.QualityReport;
import dev.etlkit.RejectedRecord;
import dev.etlkit.api.Record;
import dev.etlkit.api.Violation;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mutable data-quality counters; one per batch on the workers, merged into the run's on the writer. */
final class QualityCounter {

  /** Per field: present, empty, rejected. */
  private final Map<String, long[]> fields = new LinkedHashMap<>();
  private final Map<String, Long> rules = new LinkedHashMap<>();
  private long recordsSeen;
  private String[] lastNames = new String[0];
  private long[][] lastCounts = new long[0][];

  /** Counts a record as read from a source; fields missing here but seen elsewhere count as empty at report time. */
  void countInput(Object value) {
    if (!(value instanceof Record r)) {
      return;
    }
    recordsSeen++;
    long[][] counts = countsOf(r);
    for (int i = 0; i < counts.length; i++) {
      long[] c = counts[i];
      Object v = r.valueAt(i);
      if (v == null || v instanceof String s && WhiteSpace.isBlank(s)) {
        c[1]++;
      } else {
        c[0]++;
      }
    }
  }

  /** The counters of the record's fields by position; records in a row usually have the same fields. */
  private long[][] countsOf(Record r) {
    int n = r.size();
    boolean same = n == lastNames.length;
    for (int i = 0; i < n && same; i++) {
      String name = r.nameAt(i);
      same = name == lastNames[i] || name.equals(lastNames[i]);
    }
    if (!same) {
      lastNames = new String[n];
      lastCounts = new long[n][];
      for (int i = 0; i < n; i++) {
        lastNames[i] = r.nameAt(i);
        lastCounts[i] = fields.computeIfAbsent(lastNames[i], k -> new long[3]);
      }
    }
    return lastCounts;
  }

  void countRejected(RejectedRecord rejected) {
    Set<String> seen = new HashSet<>();
    for (Violation v : rejected.violations()) {
      rules.merge(v.field() + "." + v.rule(), 1L, Long::sum);
      if (seen.add(v.field())) {
        fields.computeIfAbsent(v.field(), k -> new long[3])[2]++;
      }
    }
  }

  void countRejected(List<RejectedRecord> rejected) {
    for (RejectedRecord r : rejected) {
      countRejected(r);
    }
  }

  void merge(QualityCounter other) {
    recordsSeen += other.recordsSeen;
    other.fields.forEach((name, c) -> {
      long[] mine = fields.computeIfAbsent(name, k -> new long[3]);
      for (int i = 0; i < 3; i++) {
        mine[i] += c[i];
      }
    });
    other.rules.forEach((rule, n) -> rules.merge(rule, n, Long::sum));
  }

  QualityReport report(long read, long rejected) {
    Map<String, QualityReport.FieldQuality> out = new LinkedHashMap<>();
    fields.forEach((name, c) -> {
      long missing = Math.max(0, recordsSeen - c[0] - c[1]);
      out.put(name, new QualityReport.FieldQuality(c[0], c[1] + missing, c[2]));
    });
    return new QualityReport(out, rules, read == 0 ? 0 : (double) rejected / read);
  }

  /** JSON-friendly form for checkpoints. */
  Map<String, Object> toState() {
    Map<String, Object> f = new LinkedHashMap<>();
    fields.forEach((name, c) -> f.put(name, List.of(c[0], c[1], c[2])));
    return Map.of("records", recordsSeen, "fields", f, "rules", new LinkedHashMap<>(rules));
  }

  @SuppressWarnings("unchecked")
  static QualityCounter fromState(Map<String, Object> state) {
    QualityCounter q = new QualityCounter();
    if (state.isEmpty()) {
      return q;
    }
    q.recordsSeen = ((Number) state.get("records")).longValue();
    ((Map<String, List<Number>>) state.get("fields")).forEach((name, c) ->
        q.fields.put(name, new long[] {c.get(0).longValue(), c.get(1).longValue(), c.get(2).longValue()}));
    ((Map<String, Number>) state.get("rules")).forEach((rule, n) -> q.rules.put(rule, n.longValue()));
    return q;
  }
}
