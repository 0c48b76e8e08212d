package dev.etlkit.sinks.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.testkit.PostgresDatabase;
import dev.etlkit.testkit.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class PostgresUrlTest {

  @Test
  @ExtendWith(PostgresExtension.class)
  void passesLibpqParametersOnUnderTheDriversNames(PostgresDatabase db) throws Exception {
    PostgresUrl url = PostgresUrl.parse(db.url() + "?application_name=nightly_load&connect_timeout=7&sslmode=disable");

    assertThat(url.jdbcUrl()).endsWith("?ApplicationName=nightly_load&connectTimeout=7&sslmode=disable");
    try (Connection c = url.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('application_name')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("nightly_load");
    }
    assertThat(PostgresUrl.parse("jdbc:postgresql://h/db?application_name=x").jdbcUrl()).endsWith("?application_name=x");
  }

  @Test
  void splitsAPostgresqlUrlIntoJdbcUrlUserAndPassword() {
    PostgresUrl url = PostgresUrl.parse("postgresql://etl:p%40ss%3Aw0rd@db.example.com:6543/etl_db?sslmode=require");

    assertThat(url).isEqualTo(new PostgresUrl("jdbc:postgresql://db.example.com:6543/etl_db?sslmode=require", "etl",
        "p@ss:w0rd"));
  }

  @Test
  void takesCredentialsOutOfAJdbcUrlsQuery() {
    PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://localhost/db?user=u&password=secret&ApplicationName=etl");

    assertThat(url).isEqualTo(new PostgresUrl("jdbc:postgresql://localhost/db?ApplicationName=etl", "u", "secret"));
  }

  @Test
  void readsAPasswordHoldingAnAtSign() {
    assertThat(PostgresUrl.parse("postgres://u:a@b@host/db").password()).isEqualTo("a@b");
  }

  @Test
  void showsNoPasswordWhenPrinted() {
    assertThat(PostgresUrl.parse("postgresql://etl:secret@host:5432/db")).hasToString(
        "jdbc:postgresql://host:5432/db as etl");
  }

  @Test
  void connectsToTheUsersDatabaseWhenTheUrlNamesNone() {
    assertThat(PostgresUrl.parse("postgresql://u:pw@127.0.0.1:5432").jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/");
    assertThat(PostgresUrl.parse("jdbc:postgresql://127.0.0.1:5432?user=u&sslmode=disable").jdbcUrl())
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/?sslmode=disable");
  }

  @Test
  void showsNoParameterWhenPrinted() {
    assertThat(PostgresUrl.parse("postgresql://etl@host:5432/db?sslpassword=S3cr3tPw&sslmode=require")).hasToString(
        "jdbc:postgresql://host:5432/db as etl");
    assertThat(PostgresUrl.parse("jdbc:postgresql://host/db?pwd=S3cr3tPw").toString()).doesNotContain("S3cr3tPw");
  }

  @Test
  void redactsPasswordsInUrlsAndQueryParameters() {
    assertThat(PostgresUrl.redact("failed: postgresql://etl:secret@host/db and jdbc:postgresql://h/db?password=x&a=b"))
        .isEqualTo("failed: postgresql://etl:***@host/db and jdbc:postgresql://h/db?password=***&a=b");
  }

  @Test
  void rejectsAnotherSchemeWithoutRepeatingThePassword() {
    assertThatThrownBy(() -> PostgresUrl.parse("mysql://root:secret@host/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the URL is not a PostgreSQL URL such as"
            + " postgresql://user:password@host:5432/db or jdbc:postgresql://host/db");
  }

  @Test
  void rejectsAPortThatIsNoNumberWithoutRepeatingThePassword() {
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://etl:pw@127.0.0.1:notaport/test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the URL has a port that is not a number from 1 to 65535 (a password with '/', '?', '#' or '@'"
            + " must be percent-encoded)");
    assertThatThrownBy(() -> PostgresUrl.parse("jdbc:postgresql://db:70000/test")).hasMessageContaining("not a number");
    // a password holding '/' or '?' is mis-read, but never shown
    for (String url : new String[] {"postgresql://u:Sup3r/S3cret@127.0.0.1:54x2/db", "postgresql://u:Sup3r?S3cret@127.0.0.1:5432/db",
        "mysql://u:Sup3r/S3cret@h/db", "postgresql://u:Sup3rS3cret@/db"}) {
      assertThatThrownBy(() -> PostgresUrl.parse(url)).as(url).hasMessageNotContaining("Sup3r").hasMessageNotContaining("S3cret");
    }
    assertThat(PostgresUrl.parse("postgresql://[::1]:5432,db2:5433/test").jdbcUrl())
        .isEqualTo("jdbc:postgresql://[::1]:5432,db2:5433/test");
    assertThat(PostgresUrl.parse("postgresql://[::1]/test").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]/test");
  }

  @Test
  void rejectsABadPercentEscapeWithoutRepeatingAnyOfThePassword() {
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://postgres:hunter%Q7pass@127.0.0.1/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the URL's password is not percent-encoded right: each % must start a %XX escape (write % itself as %25)");
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://user:sec@ret%@h/db")).hasMessageNotContaining("ret");
    assertThatThrownBy(() -> PostgresUrl.parse("jdbc:postgresql://db/test?user=etl&password=a%zz"))
        .hasMessageContaining("password is not percent-encoded right").hasMessageNotContaining("zz");
  }
}
