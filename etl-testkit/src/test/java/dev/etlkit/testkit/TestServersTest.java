package dev.etlkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang must fail, not block the run
  void aPostgresUrlWhereAServerAcceptsButNeverAnswersFailsInsteadOfHanging() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread accepting = new Thread(() -> {
        List<Socket> held = new ArrayList<>();
        try {
          while (true) {
            held.add(silent.accept()); // accepted, never answered
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      accepting.setDaemon(true);
      accepting.start();

      assertThatThrownBy(() -> PostgresServer.given("postgresql://postgres:sekret@127.0.0.1:" + silent.getLocalPort() + "/test"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("ETL_TEST_POSTGRES_URL names PostgreSQL at 127.0.0.1:" + silent.getLocalPort()
              + ", which cannot be used: ")
          .hasMessageNotContaining("sekret");
    }
  }

  @Test
  void readsTheCredentialsOfAJdbcUrlsQuery() {
    assertThatThrownBy(() -> PostgresServer.given("jdbc:postgresql://127.0.0.1:5432/test?user=etl_no_such_role&password=sekret"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("role \"etl_no_such_role\" does not exist")
        .hasMessageContaining(". Fix it, or unset it")
        .hasMessageNotContaining("sekret");
  }

  @Test
  void aPortOutOfRangeSaysSo() {
    assertThatThrownBy(() -> PostgresServer.given("postgresql://postgres@127.0.0.1:99999/test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ETL_TEST_POSTGRES_URL names port 99999, which is no port (1 to 65535)");
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

  @Test
  void logsInAsTheAclUserARedisUrlNames() {
    RedisServer admin = RedisServer.find();
    String user = "etl_test_user_" + Long.toHexString(System.nanoTime());
    admin.command("ACL", "SETUSER", user, "on", ">s3cret-pw", "~*", "+@all");
    try {
      RedisServer given = RedisServer.given("redis://" + user + ":s3cret-pw@" + admin.host() + ":" + admin.port());

      assertThat(given.command("ACL", "WHOAMI")).isEqualTo(user);
      assertThat(given.url()).startsWith("redis://" + user + ":s3cret-pw@");
    } finally {
      admin.command("ACL", "DELUSER", user);
    }
  }

  @Test
  void aTlsRedisUrlSaysTheTestKitCannotSpeakIt() {
    assertThatThrownBy(() -> RedisServer.given("rediss://:pw@127.0.0.1:6380/0"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ETL_TEST_REDIS_URL uses TLS (rediss://), which the test kit's Redis client does not speak;"
            + " give a plain redis:// server for tests");
  }
}
