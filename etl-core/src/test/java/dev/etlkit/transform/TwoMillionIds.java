package dev.etlkit.transform;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Chunk;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceItem;
import dev.etlkit.checkpoint.FileCheckpointStore;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline run over {@code args[0]} distinct ids and then 100,000 repeats, deduplicated by id, with
 * file checkpoints in the folder {@code args[1]} after every batch of 1,000; run by {@link DeduplicateMemoryTest} in a JVM with a
 * 128 MB heap. Prints the run's counts.
 */
public final class TwoMillionIds {

  private TwoMillionIds() {
  }

  public static void main(String[] args) throws Exception {
    int distinct = Integer.parseInt(args[0]);
    Path checkpoints = Path.of(args[1]);
    long[] written = new long[1];
    PipelineResult result = Pipeline.builder("two-million-ids")
        .source(new Source<Record>() {
          private int i;

          @Override
          public String name() {
            return "generated";
          }

          @Override
          public @Nullable SourceItem<Record> read() {
            if (i == distinct + 100_000) {
              return null;
            }
            i++;
            int id = i <= distinct ? i : i - distinct;
            return SourceItem.of(Record.of("id", Integer.toString(id), "name", "Employee " + id), Position.at("item", i));
          }
        })
        .transform(Deduplicate.by("id"))
        .sink(new Sink<Record>() {
          @Override
          public String name() {
            return "counter";
          }

          @Override
          public void write(Chunk<Record> chunk) {
            written[0] += chunk.size();
          }
        })
        .batchSize(1_000)
        .checkpoints(FileCheckpointStore.in(checkpoints))
        .build()
        .run();
    Runtime rt = Runtime.getRuntime();
    System.out.println(result.status() + " read=" + result.read() + " duplicates=" + result.duplicates()
        + " written=" + result.written() + " sunk=" + written[0] + " maxHeapMB=" + rt.maxMemory() / (1 << 20));
    System.exit(result.succeeded() ? 0 : 1);
  }
}
