package dev.etlkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Record;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.ListSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Streams five million generated records through a pipeline in a JVM with a 64 MB heap. */
class BoundedMemoryTest {

  /** The forked program: prints the counts, exits 0 on success. */
  public static void main(String[] args) {
    PipelineResult r = Pipeline.builder("bounded")
        .source(ListSource.generate("generated", 5_000_000, i -> Record.of("id", i, "name", "person " + i, "padding", "x".repeat(200))))
        .transform(dev.etlkit.api.Transformer.map("touch", (Record rec) -> rec.with("seen", true)))
        .sink(CollectingSink.discarding())
        .batchSize(1_000)
        .noCheckpoints()
        .build()
        .run();
    System.out.println(r.status() + " read=" + r.read() + " written=" + r.written());
    System.exit(r.succeeded() ? 0 : 1);
  }

  @Test
  void streamsFiveMillionRecordsThroughA64MegabyteHeap() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        BoundedMemoryTest.class.getName())
        .redirectErrorStream(true)
        .start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(done).as("finished in time").isTrue();
    assertThat(List.of(out.strip().split("\n"))).last().isEqualTo("SUCCEEDED read=5000000 written=5000000");
    assertThat(p.exitValue()).isZero();
  }
}
