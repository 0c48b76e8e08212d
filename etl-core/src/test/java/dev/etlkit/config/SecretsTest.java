package dev.etlkit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void findsThePasswordInAUrlsUserInfo() {
    assertThat(Secrets.passwordsIn("postgresql://etl:hunter22@db:5432/test")).contains("hunter22");
  }

  @Test
  void findsAnEncodedPasswordAsWrittenAndDecoded() {
    assertThat(Secrets.passwordsIn("postgresql://etl:p%40ss@db/test")).containsExactly("p%40ss", "p@ss");
  }

  @Test
  void findsAPasswordQueryParameter() {
    assertThat(Secrets.passwordsIn("jdbc:postgresql://db/test?user=etl&password=hunter22&ssl=true")).contains("hunter22");
  }

  @Test
  void findsQueryParametersNamedLikeASecret() {
    assertThat(Secrets.passwordsIn("https://api.example.com/v1/pages?page=2&token=tok_secret&api_key=k%2B1#top"))
        .containsExactly("tok_secret", "tok_secret", "k%2B1", "k+1");
    assertThat(Secrets.passwordsIn("https://x.io/a?access_token=abc123&key=AIzaSy99&sig=s1g-nature&page=1&limit=50"))
        .containsExactly("abc123", "abc123", "AIzaSy99", "AIzaSy99", "s1g-nature", "s1g-nature");
  }

  @Test
  void masksEverySecretOfAUrlInPlaceHoweverShort() {
    assertThat(Secrets.maskedUrl("https://u:p@x.io/a?token=ab;page=2&sig=&api_key=k%2B1#key=frag"))
        .isEqualTo("https://u:***@x.io/a?token=***;page=2&sig=&api_key=***#key=frag");
    assertThat(Secrets.maskedUrl("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
    assertThat(Secrets.maskedUrl("plain text")).isEqualTo("plain text");
  }

  @Test
  void findsNoPasswordInAUrlWithoutOne() {
    assertThat(Secrets.passwordsIn("redis://127.0.0.1:6379")).isEmpty();
    assertThat(Secrets.passwordsIn("https://user@example.com/x")).isEmpty();
    assertThat(Secrets.passwordsIn("not a url")).isEmpty();
    assertThat(Secrets.passwordsIn("https://x.io/a?page=2&pageSize=100&q=a%ZZ")).isEmpty();
  }

  @Test
  void masksTheLongestSecretFirst() {
    Secrets secrets = Secrets.of(List.of("abcd", "Bearer abcd"));

    assertThat(secrets.redact("Authorization: Bearer abcd; key abcd")).isEqualTo("Authorization: ***; key ***");
  }

  @Test
  void masksASecretInAnyCaseAsAStepMayHaveChangedIt() {
    Secrets secrets = Secrets.of(List.of("s3cr3t-T0KEN"));

    assertThat(secrets.redact("email: was \"s3cr3t-t0ken\", department: was \"S3CR3T-T0KEN\", s3cr3t-T0KEN"))
        .isEqualTo("email: was \"***\", department: was \"***\", ***");
  }

  @Test
  void leavesValuesTooShortToMaskSafely() {
    assertThat(Secrets.of(List.of("ab", "", " ")).isEmpty()).isTrue();
  }

  @Test
  void findsSecretsInAnEnvironment() {
    Secrets secrets = Secrets.fromEnvironment(Map.of("API_KEY", "key-1234", "HOME", "/home/etl",
        "DATABASE_URL", "postgresql://etl:dbpass99@db/test", "GITHUB_TOKEN", "ghp_abcdef"));

    assertThat(secrets.redact("key-1234 /home/etl dbpass99 ghp_abcdef")).isEqualTo("*** /home/etl *** ***");
  }

  @Test
  void combinesSecrets() {
    Secrets secrets = Secrets.of(List.of("first-secret")).andPasswordsIn("redis://:second-secret@h");

    assertThat(secrets.redact("first-secret second-secret")).isEqualTo("*** ***");
  }
}
