package dev.etlkit.sinks.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.testkit.TestChunk;
import dev.etlkit.testkit.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSinkProviderTest {

  @TempDir
  Path dir;

  private final CsvSinkProvider provider = new CsvSinkProvider();

  @Test
  void makesASinkWithColumnsHeadersAndFormatsFromConfig() throws Exception {
    PluginConfig config = new PluginConfig("outputs[0]", Map.of(
        "type", "csv",
        "destination", "./output/x.csv",
        "columns", List.of("id", Map.of("field", "joinDate", "header", "Join Date"), Map.of("field", "isActive",
            "header", "Is Active")),
        "trueText", "Yes", "falseText", "No", "dateFormat", "dd.MM.yyyy", "lineSeparator", "\r\n"), dir);

    Sink<Record> sink = provider.create(config);
    sink.open(TestContexts.sink("run-1", null));
    sink.write(TestChunk.of(List.of(Record.of("isActive", true, "id", "7", "joinDate", LocalDate.of(2020, 3, 4)))));
    sink.complete();
    sink.close();

    assertThat(dir.resolve("output/x.csv")).hasContent("id,Join Date,Is Active\r\n7,04.03.2020,Yes");
  }

  @Test
  void refusesADestinationThatCannotBeAFileBeforeAnythingIsWritten() throws Exception {
    Files.createDirectories(dir.resolve("reports"));
    Files.writeString(dir.resolve("people.csv"), "id\n");

    assertThatThrownBy(() -> provider.create(new PluginConfig("outputs[0]", Map.of("destination", "reports"), dir)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[0].destination: " + dir.resolve("reports").toAbsolutePath() + " is a directory; give a file name");
    assertThatThrownBy(() -> provider.create(new PluginConfig("outputs[0]", Map.of("destination", "people.csv/out/x.csv"), dir)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[0].destination: cannot create " + dir.resolve("people.csv/out/x.csv").toAbsolutePath() + ": "
            + dir.resolve("people.csv").toAbsolutePath() + " is a file, not a directory");
  }

  @Test
  void namesTheOptionWhenAColumnIsMalformed() {
    PluginConfig config = new PluginConfig("outputs[0]", Map.of("destination", "x.csv", "columns", List.of(42)), dir);

    assertThatThrownBy(() -> provider.create(config))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[0].columns[0]: must be a field name or {\"field\": ..., \"header\": ...}");
  }

  @Test
  void rejectsALineSeparatorThatIsNotOne() {
    PluginConfig config = new PluginConfig("outputs[1]", Map.of("destination", "x.csv", "lineSeparator", ";"), dir);

    assertThatThrownBy(() -> provider.create(config))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[1].lineSeparator: must be \\n or \\r\\n");
  }

  @Test
  void requiresADestination() {
    assertThatThrownBy(() -> provider.create(new PluginConfig("outputs[2]", Map.of("type", "csv"), dir)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[2].destination: required");
  }
}
