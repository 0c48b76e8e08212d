package dev.etlkit.testkit;

/**
 * A key prefix of one test's own, {@code etl-test-} and random letters, given by {@link RedisExtension};
 * every key starting with it is deleted after the test.
 *
 * <pre>{@code
 * RedisCheckpointStore.builder().url(server.url()).prefix(prefix.value()).build();
 * }</pre>
 *
 * @param value the prefix
 */
public record RedisPrefix(String value) {

  @Override
  public String toString() {
    return value;
  }
}
