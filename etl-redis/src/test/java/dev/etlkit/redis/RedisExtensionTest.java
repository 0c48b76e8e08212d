package dev.etlkit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.testkit.RedisExtension;
import dev.etlkit.testkit.RedisPrefix;
import dev.etlkit.testkit.RedisServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The testkit's extension gives each test its own key prefix, shared with the test's constructor, even when {@code @BeforeAll} took one for the class. */
@ExtendWith(RedisExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisExtensionTest {

  private static RedisPrefix forTheClass;
  private static RedisPrefix forTheFirstTest;
  private final RedisPrefix forTheConstructor;

  RedisExtensionTest(RedisPrefix prefix) {
    forTheConstructor = prefix;
  }

  @BeforeAll
  static void keyForTheClass(RedisServer redis, RedisPrefix prefix) {
    forTheClass = prefix;
    redis.command("SET", prefix.value() + ":class", "1");
  }

  @Test
  @Order(1)
  void firstTestGetsAPrefixOfItsOwn(RedisServer redis, RedisPrefix prefix) {
    forTheFirstTest = prefix;
    redis.command("SET", prefix.value() + ":a", "1");

    assertThat(prefix.value()).isNotEqualTo(forTheClass.value()).isEqualTo(forTheConstructor.value());
  }

  @Test
  @Order(2)
  void secondTestFindsTheFirstTestsKeysGoneAndTheClassKeysKept(RedisServer redis, RedisPrefix prefix) {
    assertThat(prefix.value()).isNotIn(forTheClass.value(), forTheFirstTest.value()).isEqualTo(forTheConstructor.value());
    assertThat((List<?>) redis.command("KEYS", forTheFirstTest.value() + ":*")).isEmpty();
    assertThat((List<?>) redis.command("KEYS", forTheClass.value() + ":*")).hasSize(1);
  }

  @AfterAll
  static void classKeysLastUntilTheClassIsDone() {
    // the extension deletes them after this method
    assertThat((List<?>) RedisServer.find().command("KEYS", forTheClass.value() + ":*")).hasSize(1);
  }
}
