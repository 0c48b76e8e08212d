package dev.etlkit.testkit;

import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension that gives tests a Redis server ({@link RedisServer}; {@link RedisServer#url()} for
 * a client) and a key prefix of their own ({@link RedisPrefix}), whose keys are deleted after the test
 * (or after the class, for a prefix taken by a {@code @BeforeAll} method). The constructor,
 * {@code @BeforeEach} and the test method of one test share its prefix (under
 * {@code @TestInstance(PER_CLASS)} the one instance is made for the class, so its constructor gets the
 * class's prefix).
 *
 * <p>The server is found once per JVM: {@code ETL_TEST_REDIS_URL} ({@code redis://:PASSWORD@HOST:PORT/DB}),
 * else 127.0.0.1:6379 if it answers PING, else a Testcontainers {@code redis:7} container when Docker
 * runs; otherwise the test fails with one line saying how to provide one.
 *
 * <pre>{@code
 * @ExtendWith(RedisExtension.class)
 * class ProgressTest {
 *   @Test
 *   void publishesProgress(RedisServer redis, RedisPrefix prefix) { ... }
 * }
 * }</pre>
 */
public final class RedisExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisExtension.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A test class's constructor gets the context of the test it is made for (not the class's), so that
   * the constructor, {@code @BeforeEach} and the test method share one test's resources.
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RedisServer.class || type == RedisPrefix.class;
  }

  @Override
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 5 has no computeIfAbsent
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    RedisServer server = RedisServer.find(); // a prefix alone is no use without a server: fail here, with the reason
    if (type == RedisPrefix.class) {
      // keyed by the context itself: a store also answers with what an enclosing context (the class's
      // @BeforeAll) put there, and each test must get its own prefix
      return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(), key -> newPrefix(), RedisPrefix.class);
    }
    return server;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    cleanUp(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    cleanUp(context);
  }

  private static void cleanUp(ExtensionContext context) {
    @Nullable RedisPrefix prefix = context.getStore(NAMESPACE).remove(context.getUniqueId(), RedisPrefix.class);
    if (prefix != null) {
      RedisServer.find().deleteKeysStartingWith(prefix.value());
    }
  }

  private static RedisPrefix newPrefix() {
    char[] c = new char[12];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ('a' + RANDOM.nextInt(26));
    }
    return new RedisPrefix("etl-test-" + new String(c));
  }
}
