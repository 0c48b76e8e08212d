package dev.etlkit.sinks.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.testkit.TestChunk;
import dev.etlkit.testkit.TestContexts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSinkProviderTest {

  @TempDir
  Path dir;

  private final JsonSinkProvider provider = new JsonSinkProvider();

  private void writeOne(Map<String, Object> options) throws Exception {
    Sink<Record> sink = provider.create(new PluginConfig("outputs[0]", options, dir));
    sink.open(TestContexts.sink("run-1", null));
    sink.write(TestChunk.of(List.of(Record.of("a", 1L))));
    sink.complete();
    sink.close();
  }

  @Test
  void writesTheSeedsIndentedArrayByDefault() throws Exception {
    writeOne(Map.of("type", "json", "destination", "./output/x.json"));

    assertThat(dir.resolve("output/x.json")).hasContent("[\n  {\n    \"a\": 1\n  }\n]");
  }

  @Test
  void writesNdjsonWhenTheFormatSaysSo() throws Exception {
    writeOne(Map.of("destination", "x.json", "format", "ndjson"));

    assertThat(dir.resolve("x.json")).hasContent("{\"a\":1}");
  }

  @Test
  void rejectsAnUnknownFormat() {
    PluginConfig config = new PluginConfig("outputs[0]", Map.of("destination", "x.json", "format", "xml"), dir);

    assertThatThrownBy(() -> provider.create(config))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[0].format: must be array or ndjson, was \"xml\"");
  }

  @Test
  void rejectsAppendingToAnArray() {
    PluginConfig config = new PluginConfig("outputs[0]", Map.of("destination", "x.json", "append", true), dir);

    assertThatThrownBy(() -> provider.create(config))
        .isInstanceOf(ConfigException.class)
        .hasMessage("outputs[0].append: needs format ndjson; a JSON array cannot be appended to");
  }
}
