package dev.etlkit.redis;

import dev.etlkit.api.CheckpointStore;
import dev.etlkit.api.CheckpointStoreProvider;
import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.OptionSpec.Type;
import dev.etlkit.api.PluginConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The "redis" checkpoint store: {@code {"type": "redis", "url": "redis://host:6379", "prefix": "etl"}}.
 * Without a {@code url} option the {@code REDIS_URL} environment variable is used.
 */
public final class RedisCheckpointStoreProvider implements CheckpointStoreProvider {

  private static final List<OptionSpec> OPTIONS = List.of(
      OptionSpec.optional("url", Type.STRING, null,
          "the server, redis://[:PASSWORD@]HOST[:PORT][/DB]; the REDIS_URL environment variable when absent"),
      OptionSpec.optional("prefix", Type.STRING, RedisCheckpointStore.DEFAULT_PREFIX, "the first part of every key"),
      OptionSpec.optional("timeout", Type.DURATION, "5s", "how long to wait for a connection or a reply"));

  private final UnaryOperator<String> environment;

  /** The provider ServiceLoader makes, reading {@code REDIS_URL} from the environment. */
  public RedisCheckpointStoreProvider() {
    this(System::getenv);
  }

  RedisCheckpointStoreProvider(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public String type() {
    return "redis";
  }

  @Override
  public List<OptionSpec> options() {
    return OPTIONS;
  }

  /**
   * Connects to the server.
   *
   * @throws dev.etlkit.api.ConfigException when neither the {@code url} option nor {@code REDIS_URL} is set
   */
  @Override
  public CheckpointStore create(PluginConfig config) {
    return RedisCheckpointStore.builder()
        .url(url(config))
        .prefix(prefix(config))
        .timeout(config.duration("timeout", Duration.ofSeconds(5)))
        .build();
  }

  /** Checks the URL's form and the prefix without connecting. */
  @Override
  public void check(PluginConfig config) {
    RedisUrl.parse(url(config));
    prefix(config);
  }

  private static String prefix(PluginConfig config) {
    try {
      return RedisKeys.checkPrefix(config.string("prefix", RedisCheckpointStore.DEFAULT_PREFIX));
    } catch (IllegalArgumentException e) {
      throw config.problem("prefix", e.getMessage());
    }
  }

  private String url(PluginConfig config) {
    String url = config.string("url");
    if (url == null || url.isBlank()) {
      url = environment.apply("REDIS_URL");
    }
    if (url == null || url.isBlank()) {
      throw config.problem("url", "required when the REDIS_URL environment variable is not set");
    }
    return url;
  }
}
