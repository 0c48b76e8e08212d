package dev.etlkit.examples.cli;

import dev.etlkit.api.PluginConfig;
import dev.etlkit.config.PipelineConfig;
import dev.etlkit.config.Secrets;
import dev.etlkit.config.Switches;
import dev.etlkit.examples.logging.Redaction;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code --dry-run} prints once the config passed every check: what a run would read and write. */
final class DryRun {

  private DryRun() {
  }

  static void print(PrintStream out, Path file, PipelineConfig config) {
    out.println("Config " + file + " is valid (dry run: nothing was read or written)");
    out.println("Sources:");
    for (PluginConfig source : config.sources()) {
      // a plugin's source may have neither a path nor a url: then where it sits in the config
      String where = source.string("path", source.string("url", source.path()));
      out.println("- " + Redaction.redact(Secrets.maskedUrl(where)) + " (" + source.string("type", "?") + ")");
    }
    out.println("Transformations: " + transformations(config));
    out.println("Outputs:");
    for (PluginConfig output : config.outputs()) {
      out.println("- " + RunSummary.describe(output));
    }
    config.deadLetter("<runId>").ifPresent(f -> out.println("Rejected records: " + Redaction.redact(f.toString())));
    out.println("Checkpoints: " + config.checkpoints().string("type", "file"));
    out.println("Batch size: " + config.batchSize() + ", retries: " + config.maxRetries());
  }

  private static String transformations(PipelineConfig config) {
    List<String> names = new ArrayList<>();
    Switches on = config.switches().orElse(Switches.NONE);
    if (on.normalization()) {
      names.add("normalization");
    }
    if (on.validation()) {
      names.add("validation");
    }
    if (on.enrichment()) {
      names.add("enrichment");
    }
    if (on.deduplication()) {
      names.add("deduplication");
    }
    config.steps().forEach(s -> names.add(s.string("type", "?")));
    return names.isEmpty() ? "none" : String.join(", ", names);
  }
}
