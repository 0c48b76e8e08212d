package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeduplicateMemoryTest {

  @Test
  void runsAPipelineOverTwoMillionDistinctIdsInA128MbHeap(@TempDir Path checkpoints) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-cp", System.getProperty("java.class.path"), TwoMillionIds.class.getName(), "2000000",
        checkpoints.toString())
        .redirectErrorStream(true)
        .start();
    String output = readAll(p);

    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished within 5 minutes").isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCEEDED read=2100000 duplicates=100000 written=2000000 sunk=2000000 ");
  }

  private static String readAll(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
