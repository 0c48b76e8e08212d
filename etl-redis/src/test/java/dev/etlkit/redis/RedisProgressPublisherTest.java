package dev.etlkit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.etlkit.Pipeline;
import dev.etlkit.PipelineListener;
import dev.etlkit.PipelineResult;
import dev.etlkit.Progress;
import dev.etlkit.api.Record;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.FailingSink;
import dev.etlkit.testkit.ListSource;
import dev.etlkit.testkit.RedisExtension;
import dev.etlkit.testkit.RedisPrefix;
import dev.etlkit.testkit.RedisServer;
import dev.etlkit.transform.Deduplicate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisExtension.class)
class RedisProgressPublisherTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the progress key over its own connection at the end of chosen batches, as another process would. */
  private static final class Watcher implements PipelineListener {
    final RedisServer redis;
    final String key;
    final List<Long> atBatches;
    final List<JsonNode> seen = new ArrayList<>();

    Watcher(RedisServer redis, String key, Long... atBatches) {
      this.redis = redis;
      this.key = key;
      this.atBatches = List.of(atBatches);
    }

    @Override
    public void batchCommitted(Progress progress) {
      if (atBatches.contains(progress.batches())) {
        seen.add(read(redis, key));
      }
    }
  }

  private static JsonNode read(RedisServer redis, String key) {
    try {
      return JSON.readTree((String) redis.command("GET", key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Pipeline.Builder pipeline(RedisProgressPublisher progress, PipelineListener watcher) {
    return Pipeline.builder("progress")
        .source(ListSource.generate("numbers", 1_000, i -> Record.of("id", i % 800)))
        .transform(Deduplicate.by("id"))
        .batchSize(100)
        .noCheckpoints()
        .listener(progress)
        .listener(watcher);
  }

  @Test
  void publishesProgressThatAnotherConnectionReadsWhileTheRunGoes(RedisServer redis, RedisPrefix prefix) {
    String key = prefix + ":run-1:progress";
    Watcher watcher = new Watcher(redis, key, 3L, 9L);
    try (RedisProgressPublisher progress = RedisProgressPublisher.builder().url(redis.url()).prefix(prefix.value())
        .interval(Duration.ZERO).build()) {

      pipeline(progress, watcher).sink(CollectingSink.discarding()).build().run("run-1");
    }

    assertThat(watcher.seen).hasSize(2);
    JsonNode third = watcher.seen.get(0);
    assertThat(third.get("runId").asText()).isEqualTo("run-1");
    assertThat(third.get("pipeline").asText()).isEqualTo("progress");
    assertThat(third.get("phase").asText()).isEqualTo("running");
    assertThat(List.of(third.get("batches").asLong(), third.get("read").asLong(), third.get("written").asLong()))
        .containsExactly(3L, 300L, 300L);
    JsonNode ninth = watcher.seen.get(1);
    assertThat(List.of(ninth.get("batches").asLong(), ninth.get("read").asLong(), ninth.get("written").asLong(),
        ninth.get("duplicates").asLong())).containsExactly(9L, 900L, 800L, 100L);
    assertThat(ninth.get("ratePerSecond").asDouble()).isPositive();
  }

  @Test
  void endsWithTheFinalPhaseAndCountsAndExpiresInADay(RedisServer redis, RedisPrefix prefix) {
    String key = prefix + ":run-2:progress";
    try (RedisProgressPublisher progress = RedisProgressPublisher.builder().url(redis.url()).prefix(prefix.value())
        .build()) {

      pipeline(progress, PipelineListener.NONE).sink(CollectingSink.discarding()).build().run("run-2");
    }

    JsonNode last = read(redis, key);
    assertThat(last.get("phase").asText()).isEqualTo("succeeded");
    assertThat(List.of(last.get("read").asLong(), last.get("written").asLong(), last.get("duplicates").asLong(),
        last.get("rejected").asLong())).containsExactly(1_000L, 800L, 200L, 0L);
    assertThat(last.has("failure")).isFalse();
    assertThat((Long) redis.command("TTL", key)).isBetween(86_000L, 86_400L);
  }

  @Test
  void endsWithTheFailureOfAFailedRun(RedisServer redis, RedisPrefix prefix) {
    try (RedisProgressPublisher progress = RedisProgressPublisher.builder().url(redis.url()).prefix(prefix.value())
        .build()) {

      PipelineResult result = pipeline(progress, PipelineListener.NONE)
          .sink(FailingSink.fatalAtBatch(4, () -> new IOException("disk full"))).build().run("run-3");

      assertThat(result.succeeded()).isFalse();
    }

    JsonNode last = read(redis, prefix + ":run-3:progress");
    assertThat(last.get("phase").asText()).isEqualTo("failed");
    assertThat(last.get("failure").asText()).isEqualTo("IOException: disk full");
    assertThat(last.get("batches").asLong()).isEqualTo(3L);
  }

  @Test
  void writesBatchUpdatesAtMostOncePerInterval(RedisServer redis, RedisPrefix prefix) {
    String key = prefix + ":run-4:progress";
    Watcher watcher = new Watcher(redis, key, 5L);
    try (RedisProgressPublisher progress = RedisProgressPublisher.builder().url(redis.url()).prefix(prefix.value())
        .interval(Duration.ofHours(1)).build()) {

      pipeline(progress, watcher).sink(CollectingSink.discarding()).build().run("run-4");
    }

    assertThat(watcher.seen.get(0).get("batches").asLong()).isEqualTo(1L);
    assertThat(read(redis, key).get("phase").asText()).isEqualTo("succeeded");
  }
}
