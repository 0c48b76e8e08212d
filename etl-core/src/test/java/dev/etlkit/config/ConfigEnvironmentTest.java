package dev.etlkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigEnvironmentTest {

  private static final String SOURCES = "\"sources\": [{\"type\": \"lines\", \"path\": \"in.txt\"}]";

  @TempDir
  Path dir;

  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void writeInput() throws IOException {
    Files.writeString(dir.resolve("in.txt"), "1,ann\n");
  }

  private PipelineConfig parse(String json) {
    return PipelineConfig.reader().baseDir(dir).environment(env::get).plugins(TestPlugins.loader(dir)).parse(json, "test");
  }

  @Test
  void replacesVariablesFromTheEnvironment() {
    env.put("IN", "in.txt");
    env.put("OUT_DIR", "results");

    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "${IN}"}],
         "outputs": [{"type": "memory", "destination": "${OUT_DIR}/all-${OUT_DIR}"}]}
        """);

    assertThat(config.sources().get(0).string("path")).isEqualTo("in.txt");
    assertThat(config.outputs().get(0).string("destination")).isEqualTo("results/all-results");
  }

  @Test
  void reportsEveryUnsetVariableWithWhereItIsUsed() {
    assertThatThrownBy(() -> parse("""
        {"sources": [{"type": "lines", "path": "${INPUT_FILE}"}],
         "outputs": [{"type": "memory", "destination": "out", "headers": {"Authorization": "Bearer ${API_KEY}"}}]}
        """))
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).problems())
        .asList()
        .containsExactly("sources[0].path: environment variable INPUT_FILE is not set",
            "outputs[0].headers.Authorization: environment variable API_KEY is not set",
            // an entry with an unset variable is not made, but its options are still checked
            "outputs[0].headers: unknown option; known options: columns, destination, url");
  }

  @Test
  void masksHeaderValuesInTheEcho() {
    env.put("API_KEY", "s3cr3t-key");

    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "outputs": [{"type": "memory", "destination": "out", "columns": [{"headers": {"X-Token": "Bearer ${API_KEY}"}}]}]}
        """);

    assertThat(config.redacted()).isEqualTo("{\"sources\":[{\"type\":\"lines\",\"path\":\"in.txt\"}],"
        + "\"outputs\":[{\"type\":\"memory\",\"destination\":\"out\",\"columns\":[{\"headers\":{\"X-Token\":\"***\"}}]}]}");
    assertThat(config.secrets().redact("sent Bearer s3cr3t-key, then s3cr3t-key alone"))
        .isEqualTo("sent ***, then *** alone");
  }

  @Test
  void masksTheTokenOfALiteralHeaderValueOnItsOwnToo() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "outputs": [{"type": "memory", "destination": "out", "columns": [{"headers": {"Authorization": "Bearer lit3ral-SECRET"}}]}]}
        """);

    assertThat(config.secrets().redact("GET /lp/lit3ral-SECRET/p3 with Bearer lit3ral-SECRET"))
        .isEqualTo("GET /lp/***/p3 with ***");
  }

  @Test
  void masksPasswordsInUrlsEverywhere() {
    PipelineConfig config = parse("{" + SOURCES + """
        , "outputs": [{"type": "memory", "destination": "postgresql://etl:hunter22@db:5432/etl"}]}
        """);

    assertThat(config.redacted()).contains("postgresql://etl:***@db:5432/etl").doesNotContain("hunter22");
    assertThat(config.secrets().redact("connecting as etl:hunter22")).isEqualTo("connecting as etl:***");
  }

  @Test
  void masksShortSecretsInUrlsToo() {
    PipelineConfig config = parse("{" + SOURCES + """
        , "outputs": [{"type": "memory", "destination": "https://x.io/e?token=abc&key=xy&page=2",
                       "columns": ["postgresql://etl:pw@db/etl"]}]}
        """);

    assertThat(config.redacted()).contains("https://x.io/e?token=***&key=***&page=2", "postgresql://etl:***@db/etl");
  }

  @Test
  void treatsOptionsNamedLikeSecretsAsSecrets() {
    env.put("DB_PASSWORD", "pa55word!");

    PipelineConfig config = parse("{" + SOURCES + """
        , "outputs": [{"type": "memory", "destination": "out", "columns": [{"password": "${DB_PASSWORD}", "apiKey": "k-123456"}]}]}
        """);

    assertThat(config.redacted()).contains("\"password\":\"***\"", "\"apiKey\":\"***\"")
        .doesNotContain("pa55word!", "k-123456");
  }

  @Test
  void treatsVariablesNamedLikeSecretsAsSecretsWhereverTheyAreUsed() {
    env.put("SERVICE_TOKEN", "tok-987654");

    PipelineConfig config = parse("{" + SOURCES + """
        , "outputs": [{"type": "memory", "destination": "out-${SERVICE_TOKEN}"}]}
        """);

    assertThat(config.secrets().redact("wrote out-tok-987654")).isEqualTo("wrote out-***");
  }

  @Test
  void neverShowsASecretInAProblem() {
    env.put("API_KEY", "s3cr3t-key");

    assertThatThrownBy(() -> parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "outputs": [{"type": "memory", "destination": "out", "headers": {"Authorization": "${API_KEY}"}}],
         "batchSize": "${API_KEY}"}
        """))
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).problems())
        .asList()
        .contains("batchSize: must be a whole number, was \"***\"");
  }

  @Test
  void keepsCheckpointsInFilesWithoutRedisUrl() {
    PipelineConfig config = parse("{" + SOURCES + ", \"outputs\": [{\"type\": \"memory\", \"destination\": \"out\"}]}");

    assertThat(config.checkpoints().options()).containsEntry("type", "file").containsEntry("directory", ".etl/checkpoints");
    assertThat(config.checkpoints().baseDir()).isEqualTo(dir);
  }

  @Test
  void saysWhatIsMissingWhenRedisUrlIsSetWithoutTheRedisStore() {
    env.put("REDIS_URL", "redis://:redispass@127.0.0.1:6379/0");

    assertThatThrownBy(() -> parse("{" + SOURCES + ", \"outputs\": [{\"type\": \"memory\", \"destination\": \"out\"}]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REDIS_URL is set, but the redis checkpoint store (etl-redis) is not on the class path")
        .hasMessageNotContaining("redispass");
  }

  @Test
  void reportsAnUnknownCheckpointStore() {
    assertThatThrownBy(() -> parse("{" + SOURCES + """
        , "outputs": [{"type": "memory", "destination": "out"}], "checkpoints": {"type": "zookeeper"}}
        """))
        .isInstanceOf(ConfigException.class)
        .message()
        .startsWith("checkpoints.type: unknown checkpoint store type 'zookeeper'; known types: file");
  }

  @Test
  void refusesTheDatabaseOutputWithoutDatabaseUrl() {
    assertThatThrownBy(() -> parse("{" + SOURCES + """
        , "outputs": [{"type": "memory", "destination": "out"}, {"type": "database", "destination": "employees"}]}
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[1]: the database output needs DATABASE_URL, a postgresql:// or jdbc:postgresql:// URL;"
            + " set it or remove this output");
  }

  @Test
  void givesTheDatabaseOutputTheDatabaseUrl() {
    env.put("DATABASE_URL", "postgresql://etl:dbpass99@127.0.0.1:5432/test");

    PipelineConfig config = parse("{" + SOURCES + """
        , "outputs": [{"type": "database", "destination": "employees"}]}
        """);

    assertThat(config.outputs().get(0).options()).containsEntry("url", "postgresql://etl:dbpass99@127.0.0.1:5432/test");
    assertThat(config.redacted()).doesNotContain("dbpass99");
    assertThat(config.secrets().redact("login etl:dbpass99 failed")).isEqualTo("login etl:*** failed");
  }

  @Test
  void refusesADatabaseUrlOfAnotherKind() {
    env.put("DATABASE_URL", "mysql://db/test");

    assertThatThrownBy(() -> parse("{" + SOURCES + """
        , "outputs": [{"type": "database", "destination": "employees"}]}
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[0]: DATABASE_URL must be a postgresql:// or jdbc: URL");
  }
}
