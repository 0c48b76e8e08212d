package dev.etlkit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineListener;
import dev.etlkit.PipelineResult;
import dev.etlkit.Progress;
import dev.etlkit.api.Checkpoint;
import dev.etlkit.api.Record;
import dev.etlkit.api.Retry;
import dev.etlkit.api.RunStatus;
import dev.etlkit.sinks.json.NdjsonSink;
import dev.etlkit.testkit.ListSource;
import dev.etlkit.testkit.RedisExtension;
import dev.etlkit.testkit.RedisPrefix;
import dev.etlkit.testkit.RedisServer;
import dev.etlkit.transform.Deduplicate;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RedisExtension.class)
class RedisLostMidRunTest {

  @TempDir
  Path dir;

  /** 1,000 records whose ids repeat from the 701st on: the dedup state matters on resume. */
  private static Pipeline pipeline(Path out, RedisCheckpointStore store, PipelineListener listener) {
    return pipeline(out, store, listener, Retry.exponential(2, Duration.ofMillis(20)));
  }

  private static Pipeline pipeline(Path out, RedisCheckpointStore store, PipelineListener listener, Retry retry) {
    return Pipeline.builder("lost")
        .source(ListSource.generate("numbers", 1_000, i -> Record.of("id", i % 700, "seq", i)))
        .transform(Deduplicate.by("id"))
        .sink(NdjsonSink.file(out.resolve("out.ndjson")))
        .batchSize(100)
        .retry(retry)
        .checkpoints(store)
        .listener(listener)
        .build();
  }

  private static PipelineListener atBatch(long batch, Runnable action) {
    return new PipelineListener() {
      @Override
      public void batchCommitted(Progress progress) {
        if (progress.batches() == batch) {
          action.run();
        }
      }
    };
  }

  @Test
  void failsWithAResumableCheckpointWhenRedisGoesAwayAndResumesOnceItIsBack(RedisServer redis, RedisPrefix prefix)
      throws Exception {
    Path expected = uninterruptedOutput(redis, prefix);
    try (CuttableProxy proxy = new CuttableProxy(redis.host(), redis.port());
        RedisCheckpointStore store = RedisCheckpointStore.builder().url(via(redis, proxy.port())).prefix(prefix.value())
            .timeout(Duration.ofSeconds(1)).build()) {
      Path out = Files.createDirectories(dir.resolve("crashed"));

      PipelineResult failed = pipeline(out, store, atBatch(3, proxy::cut)).run("lost-1");

      assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
      assertThat(failed.failure()).startsWith("save checkpoint failed after 3 attempts: Redis at 127.0.0.1:"
          + proxy.port() + " did not save the checkpoint of run lost-1: ");
      proxy.restore();
      try (RedisCheckpointStore again = RedisCheckpointStore.builder().url(via(redis, proxy.port())).prefix(prefix.value())
          .build()) {
        Checkpoint kept = again.load("lost-1").orElseThrow();
        // The final FAILED checkpoint could not reach Redis: the last one saved (batch 3 or, as the engine
        // saves in the background, an earlier one) is what the resume starts from.
        assertThat(kept.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(kept.counts().get("batches")).isLessThanOrEqualTo(3L);

        PipelineResult resumed = pipeline(out, again, PipelineListener.NONE).resume("lost-1");

        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(List.of(resumed.read(), resumed.written(), resumed.duplicates())).containsExactly(1_000L, 700L, 300L);
        assertThat(out.resolve("out.ndjson")).hasSameBinaryContentAs(expected);
      }
    }
  }

  @Test
  void retriesWhenRedisDropsTheConnectionAndTheRunGoesOn(RedisServer redis, RedisPrefix prefix) throws Exception {
    Path expected = uninterruptedOutput(redis, prefix);
    String clientName = prefix + "-store";
    List<Object> killed = new ArrayList<>();
    try (RedisCheckpointStore store = RedisCheckpointStore.builder().url(redis.url() + "?clientName=" + clientName)
        .prefix(prefix.value()).build()) {
      Path out = Files.createDirectories(dir.resolve("dropped"));

      PipelineResult result = pipeline(out, store, atBatch(3, () -> killed.add(killClient(redis, clientName))),
          Retry.exponential(5, Duration.ofMillis(100))).run("dropped-1");

      assertThat(killed).containsExactly(1L);
      assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(out.resolve("out.ndjson")).hasSameBinaryContentAs(expected);
    }
  }

  private Path uninterruptedOutput(RedisServer redis, RedisPrefix prefix) throws Exception {
    Path out = Files.createDirectories(dir.resolve("uninterrupted"));
    try (RedisCheckpointStore store = RedisCheckpointStore.builder().url(redis.url()).prefix(prefix.value()).build()) {
      assertThat(pipeline(out, store, PipelineListener.NONE).run("whole").status()).isEqualTo(RunStatus.SUCCEEDED);
    }
    return out.resolve("out.ndjson");
  }

  private static Object killClient(RedisServer redis, String clientName) {
    for (String line : ((String) redis.command("CLIENT", "LIST")).split("\n")) {
      if (line.contains(" name=" + clientName + " ")) {
        String id = line.substring(line.indexOf("id=") + 3, line.indexOf(' '));
        return redis.command("CLIENT", "KILL", "ID", id);
      }
    }
    return 0L;
  }

  private static String via(RedisServer redis, int port) throws URISyntaxException {
    URI u = redis.uri();
    return new URI(u.getScheme(), u.getRawUserInfo(), "127.0.0.1", port, u.getPath(), null, null).toString();
  }
}
