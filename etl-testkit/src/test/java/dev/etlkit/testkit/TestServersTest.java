package dev.etlkit.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a test is told when the server its environment variable names cannot be used. */
class TestServersTest {

  @Test
  void aPostgresUrlWhereNothingAnswersSaysSoAndWhatElseWouldDo() {
    assertThatThrownBy(() -> PostgresServer.given("postgresql://postgres:sekret@127.0.0.1:1/test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("ETL_TEST_POSTGRES_URL names PostgreSQL at 127.0.0.1:1, which cannot be used: "
            + "nothing answers on that port")
        .hasMessageEndingWith("Fix it, or unset it to use 127.0.0.1:5432 or Testcontainers.")
        .hasMessageNotContaining("sekret");
  }

  @Test
  void aRedisUrlWhereNothingAnswersSaysSoAndWhatElseWouldDo() {
    assertThatThrownBy(() -> RedisServer.given("redis://:sekret@127.0.0.1:1/0"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("ETL_TEST_REDIS_URL names Redis at 127.0.0.1:1, which cannot be used: ")
        .hasMessageEndingWith("Fix it, or unset it to use 127.0.0.1:6379 or Testcontainers.")
        .hasMessageNotContaining("sekret");
  }

  @Test
  void aRedisDatabaseThatIsNotANumberIsABadUrl() {
    assertThatThrownBy(() -> RedisServer.given("redis://127.0.0.1:6379/abc"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ETL_TEST_REDIS_URL is not a URL such as redis://:PASSWORD@HOST:6379/0 (the database is a number)");
  }
}
