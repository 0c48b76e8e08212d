package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.PipelineResult;
import dev.etlkit.api.ConfigException;
import dev.etlkit.api.Record;
import dev.etlkit.api.TransformerProvider;
import dev.etlkit.api.Violation;
import dev.etlkit.config.PipelineConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four transformers found by type name and configured from a pipeline config, run by the engine. */
class ConfiguredStepsTest {

  @TempDir
  Path dir;

  private PipelineConfig parse(String json) throws Exception {
    return PipelineConfig.reader().baseDir(dir).environment(Map.<String, String>of()::get)
        .plugins(RowsPlugins.loader(dir)).parse(json, "steps");
  }

  @Test
  void registersTheFourTypesWithTheirOptions() {
    assertThat(ServiceLoader.load(TransformerProvider.class).stream().map(p -> p.get()))
        .filteredOn(p -> p.getClass().getPackageName().equals("dev.etlkit.transform"))
        .extracting(TransformerProvider::type)
        .containsExactly("normalize", "validate", "enrich", "deduplicate");
    assertThat(new ValidateProvider().options()).extracting(o -> o.name()).containsExactly("fields", "class", "dropUnknown");
    assertThat(new EnrichProvider().options()).extracting(o -> o.name()).containsExactly("constants", "lookup");
  }

  @Test
  void runsNormalizeValidateEnrichDeduplicateFromConfig() throws Exception {
    PipelineConfig config = parse("""
        {"sources": [{"type": "rows", "rows": [
           {"id": " 1 ", "email": " ANN@X.IO ", "age": "30", "pay": "$1,500", "extra": "x"},
           {"id": "2", "email": "bob@x", "age": "abc", "pay": "10"},
           {"id": "1", "email": "ann@x.io", "age": "31", "pay": "1"},
           {"id": "3", "email": "cy@x.io", "age": "15", "pay": "2.5"}]}],
         "transformations": [
           {"type": "normalize", "fields": {"id": ["trim"], "email": ["trim", "lowerCase"], "age": ["integer"],
                                            "pay": [{"decimal": "$,"}]}},
           {"type": "validate", "dropUnknown": true, "fields": {
              "id": {"required": true, "type": "string"}, "email": {"required": true, "email": true},
              "age": {"required": true, "type": "integer", "min": 16}, "pay": {"exclusiveMin": 0}}},
           {"type": "enrich", "constants": {"source": "hris"}},
           {"type": "deduplicate", "keys": ["id"]}],
         "outputs": [{"type": "collect", "destination": "configured"}],
         "batchSize": 2,
         "errors": {"deadLetter": false}}
        """);

    PipelineResult result = config.toBuilder()
        .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC))
        .noCheckpoints()
        .build()
        .run();

    assertThat(RowsPlugins.COLLECTED.get("configured")).containsExactly(
        Record.of("id", "1", "email", "ann@x.io", "age", 30L, "pay", new BigDecimal("1500"), "source", "hris"));
    assertThat(List.of(result.read(), result.rejected(), result.duplicates(), result.written())).containsExactly(4L, 2L, 1L, 1L);
    assertThat(result.errors()).extracting(e -> e.step()).containsExactly("validate", "validate");
    assertThat(result.errors().get(0).violations()).containsExactly(
        new Violation("email", "email", "must be an email address like name@example.com, was \"bob@x\""),
        new Violation("age", "type", "must be an integer, was \"abc\""));
  }

  @Test
  void reportsABadStepOptionWithItsPath() {
    assertThatThrownBy(() -> parse("""
        {"sources": [{"type": "rows", "rows": []}],
         "transformations": [{"type": "deduplicate", "keys": "id"}],
         "outputs": [{"type": "collect", "destination": "x"}]}
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessage("transformations[0].keys: must be an array, was \"id\"");
  }
}
