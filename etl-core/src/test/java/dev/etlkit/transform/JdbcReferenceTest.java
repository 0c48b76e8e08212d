package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The driver's messages repeat the URL it was given; a lookup's never show its password. */
class JdbcReferenceTest {

  @Test
  void tellsWhyItCannotConnectWithoutThePassword() {
    assertThatThrownBy(() -> JdbcReference.connect("postgresql://bob:S3cretPw@127.0.0.1:5432/test"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("postgresql://127.0.0.1:5432/test")
        .hasMessageNotContaining("S3cretPw")
        .hasNoCause();
    assertThatThrownBy(() -> JdbcReference.connect("jdbc:postgresql://127.0.0.1:notaport/test?user=postgres&password=S3cretPw"))
        .isInstanceOf(SQLException.class)
        .hasMessageNotContaining("S3cretPw")
        .hasNoCause();
  }
}
