package dev.etlkit.examples.cli;

import dev.etlkit.PipelineResult;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.config.PipelineConfig;
import dev.etlkit.examples.logging.Redaction;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The seed's end-of-run summary, on stdout: the outcome, total, valid, invalid, duplicate and written
 * records, the duration, the errors encountered, the seed's processing summary (started, completed,
 * success rate as valid / total, as the seed computes it), then where the outputs, the rejected records
 * and the report are. The seed's emoji are left out: they turn into '?' on a console that is not UTF-8.
 */
final class RunSummary {

  /** As the seed's {@code toISOString()}: UTC, always milliseconds. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private RunSummary() {
  }

  static void print(PrintStream out, PipelineResult r, PipelineConfig config, @Nullable Path report, Instant completed) {
    long valid = r.read() - r.rejected();
    out.println();
    out.println(r.succeeded() ? "ETL Pipeline Completed Successfully!" : "ETL Pipeline Failed");
    out.println("==========================================");
    out.println("Total Records: " + r.read());
    out.println("Valid Records: " + valid);
    out.println("Invalid Records: " + r.rejected());
    out.println("Duplicates: " + r.duplicates());
    out.println("Written Records: " + r.written());
    out.println("Duration: " + r.duration().toMillis() + "ms");
    if (r.rejected() > 0) {
      out.println();
      out.println("Errors encountered: " + r.rejected());
    }
    out.println();
    out.println("Processing Summary:");
    out.println("- Started: " + ISO_MILLIS.format(r.startedAt()));
    out.println("- Completed: " + ISO_MILLIS.format(completed));
    out.println("- Success Rate: " + (r.read() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100.0 * valid / r.read())));
    out.println();
    out.println(r.succeeded() ? "Outputs:" : "Outputs (written when the run completes):");
    for (PluginConfig output : config.outputs()) {
      out.println("- " + describe(output));
    }
    config.deadLetter(r.runId()).ifPresent(file -> out.println("Rejected records" + (r.succeeded() ? "" : " (written when the run completes)")
        + ": " + Redaction.redact(file.toString()) + " (" + r.rejected() + ")"));
    if (report != null) {
      out.println("Report: " + report);
    }
  }

  /** "output/employees.csv (csv)", "table employees (database)"; a secret from the environment masked. */
  static String describe(PluginConfig output) {
    String type = output.string("type", "?");
    String destination = output.string("destination", output.string("path", ""));
    if (type.equals("database") || type.equals("postgres")) {
      return Redaction.redact("table " + destination + " (" + type + ")");
    }
    return Redaction.redact((destination.isEmpty() ? "" : output.resolve(destination) + " ") + "(" + type + ")");
  }
}
