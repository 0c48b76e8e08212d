package dev.etlkit.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.etlkit.PipelineResult;
import dev.etlkit.QualityReport;
import dev.etlkit.RejectedRecord;
import dev.etlkit.api.Violation;
import dev.etlkit.config.Secrets;
import dev.etlkit.internal.PlainJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --report} JSON: runId, status, read, rejected, duplicates, written, durationMs, one entry
 * per rejected record ({@code source, position, step, message, violations: [{field, message}]}) and the
 * data-quality section (per field present / empty / rejected, failures per rule, error rate). Every
 * string is masked with the run's secrets.
 */
final class RunReport {

  private RunReport() {
  }

  static void write(Path file, PipelineResult result, Secrets secrets) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = PlainJson.factory().createGenerator(out).useDefaultPrettyPrinter()) {
      PlainJson.write(g, toMap(result, secrets));
    }
  }

  static Map<String, Object> toMap(PipelineResult r, Secrets secrets) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", r.runId());
    m.put("status", r.status().name());
    m.put("read", r.read());
    m.put("rejected", r.rejected());
    m.put("duplicates", r.duplicates());
    if (r.filtered() > 0) {
      m.put("filtered", r.filtered());
    }
    if (r.added() > 0) {
      m.put("added", r.added());
    }
    m.put("written", r.written());
    m.put("durationMs", r.duration().toMillis());
    if (r.failure() != null) {
      m.put("failure", secrets.redact(r.failure()));
    }
    List<Map<String, Object>> errors = new ArrayList<>(r.errors().size());
    for (RejectedRecord e : r.errors()) {
      errors.add(error(e, secrets));
    }
    m.put("errors", errors);
    if (errors.size() < r.rejected()) {
      m.put("errorsOmitted", r.rejected() - errors.size());
    }
    m.put("dataQuality", quality(r.quality()));
    return m;
  }

  private static Map<String, Object> error(RejectedRecord e, Secrets secrets) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", secrets.redact(e.origin().source()));
    m.put("position", e.origin().position().description());
    m.put("step", secrets.redact(e.step()));
    m.put("message", secrets.redact(e.message()));
    List<Map<String, String>> violations = new ArrayList<>(e.violations().size());
    for (Violation v : e.violations()) {
      Map<String, String> vm = new LinkedHashMap<>();
      vm.put("field", v.field());
      vm.put("message", secrets.redact(v.message()));
      violations.add(vm);
    }
    m.put("violations", violations);
    return m;
  }

  private static Map<String, Object> quality(QualityReport q) {
    Map<String, Object> fields = new LinkedHashMap<>();
    q.fields().forEach((name, f) -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("present", f.present());
      counts.put("empty", f.empty());
      counts.put("rejected", f.rejected());
      fields.put(name, counts);
    });
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fields", fields);
    m.put("ruleFailures", q.ruleFailures());
    m.put("errorRate", q.errorRate());
    return m;
  }
}
