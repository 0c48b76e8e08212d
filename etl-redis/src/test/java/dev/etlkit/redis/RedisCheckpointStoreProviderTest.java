package dev.etlkit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.ConfigException;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.RunStatus;
import dev.etlkit.internal.PluginRegistry;
import dev.etlkit.testkit.RedisExtension;
import dev.etlkit.testkit.RedisPrefix;
import dev.etlkit.testkit.RedisServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisExtension.class)
class RedisCheckpointStoreProviderTest {

  @Test
  void isFoundByTypeRedisAndKeepsKeysUnderTheConfiguredPrefix(RedisServer redis, RedisPrefix prefix) {
    PluginConfig config = PluginConfig.of(Map.of("type", "redis", "url", redis.url(), "prefix", prefix.value()));

    try (CheckpointStore store = PluginRegistry.load().checkpointStore(config)) {
      store.save(RedisCheckpointStoreTest.checkpoint("run-1", RunStatus.RUNNING, Instant.parse("2024-05-01T10:00:00Z")));
    }

    assertThat(redis.command("EXISTS", prefix + ":run-1:checkpoint")).isEqualTo(1L);
  }

  @Test
  void connectsToRedisUrlFromTheEnvironmentWithoutAUrlOption(RedisServer redis, RedisPrefix prefix) {
    RedisCheckpointStoreProvider provider = new RedisCheckpointStoreProvider(name -> name.equals("REDIS_URL") ? redis.url() : null);

    try (CheckpointStore store = provider.create(PluginConfig.of(Map.of("prefix", prefix.value())))) {
      assertThat(store).hasToString("Redis checkpoints at " + redis.host() + ":" + redis.port() + " under '" + prefix + ":'");
    }
  }

  @Test
  void asksForAUrlWhenNeitherTheOptionNorRedisUrlIsSet() {
    RedisCheckpointStoreProvider provider = new RedisCheckpointStoreProvider(name -> null);

    assertThatThrownBy(() -> provider.create(new PluginConfig("checkpoints", Map.of("type", "redis"), Path.of(""))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("checkpoints.url: required when the REDIS_URL environment variable is not set");
  }

  @Test
  void checksTheUrlsFormWithoutConnecting() {
    // nothing listens on port 1: a check that connected would fail
    new RedisCheckpointStoreProvider(name -> "redis://:redispass@127.0.0.1:1/0").check(PluginConfig.of(Map.of()));
    PluginRegistry.load().checkCheckpointStore(PluginConfig.of(Map.of("type", "redis", "url", "redis://127.0.0.1:1")));

    assertThatThrownBy(() -> new RedisCheckpointStoreProvider(name -> "redis://:hunter%Q7pass@127.0.0.1:6379/7")
        .check(PluginConfig.of(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Redis URL is malformed; it must look like redis://[:PASSWORD@]HOST[:PORT][/DB]");
  }

  @Test
  void checksThePrefixWithoutConnecting() {
    assertThatThrownBy(() -> new RedisCheckpointStoreProvider(name -> "redis://127.0.0.1:1/0")
        .check(new PluginConfig("checkpoints", Map.of("type", "redis", "prefix", "app:etl"), Path.of(""))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("checkpoints.prefix: Redis key prefix must use letters, digits, '.', '_' or '-', was 'app:etl'");
  }
}
