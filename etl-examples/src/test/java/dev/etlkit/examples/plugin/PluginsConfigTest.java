package dev.etlkit.examples.plugin;

import static dev.etlkit.testkit.EtlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.PipelineResult;
import dev.etlkit.config.PipelineConfig;
import dev.etlkit.examples.cli.EmployeeProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config/plugins.json finds the example's own source and sink by type name, through their service files. */
class PluginsConfigTest {

  @TempDir
  Path dir;

  @Test
  void runsTheCustomSourceAndSinkByTypeName() throws Exception {
    PipelineConfig config = PipelineConfig.reader().profile(new EmployeeProfile()).baseDir(dir)
        .read(Path.of("config/plugins.json"));

    PipelineResult result = config.toBuilder().build().run();

    assertThat(result).succeeded().hasCounts(50, 38, 5, 7);
    List<String> table = Files.readAllLines(dir.resolve("output/sample_employees.md"));
    assertThat(table).hasSize(2 + 38);
    assertThat(table.get(0)).isEqualTo("| id | name | department | salary | joinDate | isActive |");
    assertThat(table.get(2)).isEqualTo("| S00000 | Ann Lee | Engineering | 35000 | 2005-01-01 | false |");
  }
}
