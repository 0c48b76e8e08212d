package dev.etlkit.testkit;

import dev.etlkit.PipelineResult;
import dev.etlkit.api.RunStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a forked run ended, as it travels back to the harness on one line:
 * {@code status=SUCCEEDED read=10 written=8 rejected=1 duplicates=1 filtered=0 resumed=false failure=...}.
 */
record CrashOutcome(RunStatus status, long read, long written, long rejected, long duplicates, long filtered,
    boolean resumed, String failure) {

  static CrashOutcome of(PipelineResult r) {
    return new CrashOutcome(r.status(), r.read(), r.written(), r.rejected(), r.duplicates(), r.filtered(), r.resumed(),
        r.failure() == null ? "" : r.failure().replace('\n', ' '));
  }

  String encode() {
    return "status=" + status + " read=" + read + " written=" + written + " rejected=" + rejected
        + " duplicates=" + duplicates + " filtered=" + filtered + " resumed=" + resumed + " failure=" + failure;
  }

  static CrashOutcome decode(String line) {
    int f = line.indexOf(" failure=");
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : line.substring(0, f).split(" ")) {
      int eq = pair.indexOf('=');
      m.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new CrashOutcome(RunStatus.valueOf(m.get("status")), Long.parseLong(m.get("read")),
        Long.parseLong(m.get("written")), Long.parseLong(m.get("rejected")), Long.parseLong(m.get("duplicates")),
        Long.parseLong(m.get("filtered")), Boolean.parseBoolean(m.get("resumed")), line.substring(f + " failure=".length()));
  }

  /** The counts alone, to compare two runs. */
  String counts() {
    return "read " + read + ", written " + written + ", rejected " + rejected + ", duplicates " + duplicates
        + ", filtered " + filtered;
  }
}
