package dev.etlkit.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceItem;
import dev.etlkit.internal.PluginRegistry;
import dev.etlkit.sources.csv.CsvSource;
import dev.etlkit.sources.http.HttpSource;
import dev.etlkit.sources.json.JsonSource;
import dev.etlkit.testkit.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's config reaches the sources through ServiceLoader, and bad options fail before the run. */
class SourceProvidersTest {

  @TempDir
  Path dir;

  private final PluginRegistry registry = PluginRegistry.load();

  private Source<Record> source(Map<String, Object> options) {
    return registry.source(new PluginConfig("sources[0]", options, dir));
  }

  @Test
  void registersCsvJsonAndApi() {
    assertThat(registry.sourceTypes()).contains("csv", "json", "api");
  }

  @Test
  void readsTheSeedsCsvConfigWithAPathRelativeToTheConfig() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/employees.csv"), "id;name\n1;Ann\n");

    Source<Record> source = source(Map.of("type", "csv", "path", "./data/employees.csv", "delimiter", ";"));

    assertThat(source).isInstanceOf(CsvSource.class);
    assertThat(readAll(source)).containsExactly(Record.of("id", "1", "name", "Ann"));
  }

  @Test
  void readsTheSeedsJsonConfig() throws Exception {
    Files.writeString(dir.resolve("contractors.json"), "{\"data\": [{\"id\": 1}]}");

    Source<Record> source = source(Map.of("type", "json", "path", "contractors.json", "itemsField", "data"));

    assertThat(source).isInstanceOf(JsonSource.class);
    assertThat(readAll(source)).containsExactly(Record.of("id", 1L));
  }

  @Test
  void makesTheSeedsApiSourceWithoutShowingTheHeaderOrQuery() {
    Source<Record> source = source(Map.of("type", "api", "url", "https://api.example.com/v1/employees?key=s3cr3t",
        "headers", Map.of("Authorization", "Bearer t0k3n"), "pagination", "page", "pageSize", 50));

    assertThat(source).isInstanceOf(HttpSource.class);
    assertThat(source.name()).isEqualTo("https://api.example.com/v1/employees");
    assertThat(source.toString()).doesNotContain("s3cr3t", "t0k3n");
  }

  @Test
  void failsBeforeTheRunWhenTheFileIsMissingNamingThePath() {
    assertThatThrownBy(() -> source(Map.of("type", "csv", "path", "./data/missing.csv")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("sources[0].path: file not found: " + dir.resolve("data/missing.csv"));
  }

  @Test
  void failsBeforeTheRunOnAnUnknownCharset() throws Exception {
    Files.writeString(dir.resolve("x.csv"), "a\n");

    assertThatThrownBy(() -> source(Map.of("type", "csv", "path", "x.csv", "charset", "UTF-9")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("sources[0].charset: unknown charset \"UTF-9\"");
  }

  @Test
  void failsOnADelimiterOfMoreThanOneCharacter() throws Exception {
    Files.writeString(dir.resolve("x.csv"), "a\n");

    assertThatThrownBy(() -> source(Map.of("type", "csv", "path", "x.csv", "delimiter", "||")))
        .hasMessage("sources[0].delimiter: must be one character, was \"||\"");
  }

  @Test
  void failsOnAnUnknownJsonFormat() throws Exception {
    Files.writeString(dir.resolve("x.json"), "[]");

    assertThatThrownBy(() -> source(Map.of("type", "json", "path", "x.json", "format", "xml")))
        .hasMessage("sources[0].format: must be array, ndjson or auto, was \"xml\"");
  }

  @Test
  void failsOnCursorPaginationWithoutACursorField() {
    assertThatThrownBy(() -> source(Map.of("type", "api", "url", "https://api.example.com/x", "pagination", "cursor")))
        .hasMessage("sources[0].cursorField: required when pagination is cursor");
  }

  @Test
  void namesTheApiOptionABadValueIsIn() {
    String url = "https://api.example.com/x";
    assertThatThrownBy(() -> source(Map.of("type", "api", "url", url, "requestTimeout", "0s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("sources[0].requestTimeout: ");
    assertThatThrownBy(() -> source(Map.of("type", "api", "url", url, "pagination", "page", "pageSize", 0)))
        .hasMessage("sources[0].pageSize: must be >= 1, was 0");
    assertThatThrownBy(() -> source(Map.of("type", "api", "url", url, "headers", Map.of("Bad Name", "v"))))
        .hasMessageStartingWith("sources[0].headers: ");
  }

  @Test
  void failsOnAnInvalidUrlWithoutEchoingIt() {
    assertThatThrownBy(() -> source(Map.of("type", "api", "url", "https://api.example.com/x?key=s3 cr3t")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("sources[0].url: not a valid URL (Illegal character in query at index 32)");
  }

  @Test
  void namesTheUrlOptionOfAUrlThatIsNotHttp() {
    assertThatThrownBy(() -> source(Map.of("type", "api", "url", "ftp://files.example.com/x.json?token=t0ken")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("sources[0].url: must be an absolute http or https URL, was ftp://files.example.com/x.json");
    assertThatThrownBy(() -> source(Map.of("type", "api", "url", "notaurl")))
        .hasMessage("sources[0].url: must be an absolute http or https URL, was notaurl");
  }

  private static List<Record> readAll(Source<Record> source) throws Exception {
    List<Record> records = new ArrayList<>();
    try (source) {
      source.open(TestContexts.source(null));
      for (SourceItem<Record> item = source.read(); item != null; item = source.read()) {
        records.add(item.value());
      }
    }
    return records;
  }
}
