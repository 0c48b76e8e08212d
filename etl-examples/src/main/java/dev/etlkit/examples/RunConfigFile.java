package dev.etlkit.examples;

import dev.etlkit.PipelineResult;
import dev.etlkit.config.PipelineConfig;
import dev.etlkit.examples.cli.EmployeeProfile;
import dev.etlkit.progress.ConsoleProgress;
import java.nio.file.Path;

/**
 * Runs a pipeline config file from a host application: read and check it (every problem at once),
 * add a listener, run. The employee profile gives the seed's true/false transformations their meaning.
 *
 * <pre>{@code
 * java -cp etl-examples/target/etl.jar dev.etlkit.examples.RunConfigFile etl-examples/config/employees.json
 * }</pre>
 */
public final class RunConfigFile {

  private RunConfigFile() {
  }

  /** Runs the config named by the first argument. */
  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : "etl-examples/config/employees.json");
    PipelineConfig config = PipelineConfig.reader().profile(new EmployeeProfile()).read(file);
    PipelineResult result = config.toBuilder().listener(ConsoleProgress.forConsole()).build().run();
    System.out.printf("run %s %s: %d read, %d written, %d rejected; rejected records in %s%n", result.runId(),
        result.status(), result.read(), result.written(), result.rejected(),
        config.deadLetter(result.runId()).map(Path::toString).orElse("no file"));
  }
}
