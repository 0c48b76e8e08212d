package dev.etlkit.redis;

import dev.etlkit.api.EtlException;
import dev.etlkit.api.RetriableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One Lettuce connection with string keys and binary values, and the translation of Lettuce's errors
 * into etlkit's: a lost or refused connection or a timeout is a {@link RetriableException}, an error
 * reply an {@link EtlException}. Messages name the server as {@code host:port} only, so that a password
 * in the URL never reaches them.
 */
final class RedisConnection implements AutoCloseable {

  private final String address;
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;

  private RedisConnection(String address, ClientResources resources, RedisClient client,
      StatefulRedisConnection<String, byte[]> connection) {
    this.address = address;
    this.resources = resources;
    this.client = client;
    this.connection = connection;
  }

  /**
   * Connects now, so that a server that is down is reported at once.
   *
   * @throws RetriableException naming {@code host:port} when the server cannot be reached
   */
  static RedisConnection open(RedisURI uri, Duration timeout) {
    String address = uri.getHost() + ":" + uri.getPort();
    uri.setTimeout(timeout);
    // Lettuce's default reconnect delay grows to 30 s: too long to notice that Redis is back while
    // the engine is still retrying. Two threads are plenty for one connection.
    ClientResources resources = ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        .build();
    RedisClient client = RedisClient.create(resources, uri);
    // Reject commands while disconnected instead of queueing them until the timeout: the engine's
    // retry policy decides how long to wait for Redis to come back.
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build());
    try {
      return new RedisConnection(address, resources, client,
          client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)));
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      throw new RetriableException("cannot connect to Redis at " + address + ": " + rootMessage(e), e);
    }
  }

  /** The server as {@code host:port}. */
  String address() {
    return address;
  }

  /** Runs {@code command} on the connection; {@code what} says what it was for in an error. */
  <T> T call(String what, Function<RedisCommands<String, byte[]>, T> command) {
    try {
      return command.apply(connection.sync());
    } catch (RedisCommandExecutionException e) {
      throw new EtlException("Redis at " + address + " refused to " + what + ": " + rootMessage(e), e);
    } catch (RedisException e) {
      throw new RetriableException("Redis at " + address + " did not " + what + ": " + rootMessage(e), e);
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
