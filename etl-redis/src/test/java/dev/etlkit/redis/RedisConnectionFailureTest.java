package dev.etlkit.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.RetriableException;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class RedisConnectionFailureTest {

  @Test
  void namesHostAndPortButNotThePasswordWhenRedisIsDownAtStart() throws IOException {
    int port = closedPort();

    assertThatThrownBy(() -> RedisCheckpointStore.connect("redis://:s3cret@127.0.0.1:" + port + "/0"))
        .isInstanceOf(RetriableException.class)
        .hasMessage("cannot connect to Redis at 127.0.0.1:" + port + ": Connection refused");
  }

  @Test
  void progressPublisherNamesHostAndPortWhenRedisIsDownAtStart() throws IOException {
    int port = closedPort();

    assertThatThrownBy(() -> RedisProgressPublisher.connect("redis://:s3cret@127.0.0.1:" + port))
        .isInstanceOf(RetriableException.class)
        .hasMessage("cannot connect to Redis at 127.0.0.1:" + port + ": Connection refused");
  }

  @Test
  void refusesAUrlOfAnotherSchemeWithoutRepeatingIt() {
    assertThatThrownBy(() -> RedisCheckpointStore.connect("http://user:s3cret@127.0.0.1:6379"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Redis URL must start with redis:// or rediss://, as in redis://[:PASSWORD@]HOST[:PORT][/DB]");
  }

  @Test
  void refusesAMalformedUrlWithoutRepeatingIt() {
    assertThatThrownBy(() -> RedisCheckpointStore.connect("redis://:s3cret@127.0.0.1:notaport"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Redis URL is malformed; it must look like redis://[:PASSWORD@]HOST[:PORT][/DB]");
  }

  /** A port nobody listens on: bound for a moment, then released. */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
