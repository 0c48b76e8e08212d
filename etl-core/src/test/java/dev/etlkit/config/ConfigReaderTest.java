package dev.etlkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

  @TempDir
  Path dir;

  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void writeInput() throws IOException {
    Files.writeString(dir.resolve("in.txt"), "1,ann\n");
  }

  private ConfigReader reader() {
    return PipelineConfig.reader().baseDir(dir).environment(env::get).plugins(TestPlugins.loader(dir));
  }

  private PipelineConfig parse(String json) {
    return reader().parse(json, "test");
  }

  private List<String> problems(String json) {
    try {
      parse(json);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("the config was accepted: " + json);
  }

  @Test
  void readsTheSeedFormatWithAProfile() {
    PipelineConfig config = reader().profile(new NamesProfile()).parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "transformations": {"validation": true, "deduplication": false, "enrichment": true, "normalization": true},
         "outputs": [{"type": "memory", "destination": "out"}],
         "batchSize": 50, "maxRetries": 2}
        """, "employees");

    assertThat(config.name()).isEqualTo("employees");
    assertThat(config.switches()).contains(new Switches(true, true, true, false));
    assertThat(config.transformers()).extracting(t -> t.name()).containsExactly("normalize", "validate", "enrich");
    assertThat(config.batchSize()).isEqualTo(50);
    assertThat(config.maxRetries()).isEqualTo(2);
  }

  @Test
  void acceptsTheSeedsOutputFormatWhenItRestatesTheType() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "outputs": [{"type": "memory", "destination": "out", "format": " Memory "}]}
        """);

    assertThat(config.outputs()).singleElement().satisfies(o -> assertThat(o.options()).doesNotContainKey("format"));
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "outputs": [{"type": "memory", "destination": "out", "format": "xml"}]}
        """)).singleElement().asString().startsWith("outputs[0].format: unknown option");
  }

  @Test
  void resolvesAListOfStepsThroughTheRegistryInOrder() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "transformations": [{"type": "upper", "field": "name"}, {"type": "upper", "field": "id"}],
         "outputs": [{"type": "memory", "destination": "out"}]}
        """);

    assertThat(config.switches()).isEmpty();
    assertThat(config.steps()).extracting(s -> s.path()).containsExactly("transformations[0]", "transformations[1]");
    assertThat(config.transformers()).extracting(t -> t.name()).containsExactly("upper", "upper");
  }

  @Test
  void appliesDefaultsForOptionalFields() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}]}
        """);

    assertThat(config.batchSize()).isEqualTo(1_000);
    assertThat(config.maxRetries()).isEqualTo(3);
    assertThat(config.transformers()).isEmpty();
    assertThat(config.errors()).isEqualTo(new ErrorOptions(false, Long.MAX_VALUE, 1.0, "output/rejected-{runId}.ndjson"));
  }

  @Test
  void reportsMissingSources() {
    assertThat(problems("""
        {"outputs": [{"type": "memory", "destination": "out"}]}
        """)).containsExactly("sources: required");
  }

  @Test
  void reportsEveryProblemAtOnceWithItsPath() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "outputs": [{"type": "memory", "destination": "out"}, {"type": "memory"}],
         "batchSize": 0,
         "maxRetries": -1,
         "colour": "blue"}
        """)).containsExactly(
            "colour: unknown field; known fields: name, description, sources, transformations, outputs, batchSize,"
                + " maxRetries, retryDelay, workers, checkpoints, errors",
            "batchSize: must be >= 1",
            "maxRetries: must be >= 0",
            "outputs[1].destination: required");
  }

  @Test
  void refusesCountsBeyondWhatAnIntHoldsInsteadOfWrappingThem() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "outputs": [{"type": "memory", "destination": "out"}],
         "batchSize": 4294967296,
         "maxRetries": 99999999999999999999999,
         "workers": 2147483648,
         "errors": {"maxErrors": 1e30}}
        """)).containsExactly(
            "batchSize: must be at most 2147483647, was 4294967296",
            "maxRetries: must be at most 2147483647, was 99999999999999999999999",
            "workers: must be at most 2147483647, was 2147483648",
            "errors.maxErrors: must be at most 9223372036854775807, was 1.0E30");
  }

  @Test
  void reportsSourcesThatAreNotAnArray() {
    assertThat(problems("""
        {"sources": {"type": "lines"}, "outputs": [{"type": "memory", "destination": "out"}]}
        """)).containsExactly("sources: must be an array of sources, was an object");
  }

  @Test
  void reportsAnEmptyListOfOutputs() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": []}
        """)).containsExactly("outputs: must list at least one output");
  }

  @Test
  void reportsAnEntryThatIsNotAnObject() {
    assertThat(problems("""
        {"sources": ["in.txt"], "outputs": [{"type": "memory", "destination": "out"}]}
        """)).containsExactly("sources[0]: must be an object with a \"type\", was \"in.txt\"");
  }

  @Test
  void reportsAnUnknownTypeWithTheKnownOnes() {
    assertThat(problems("""
        {"sources": [{"type": "xml", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}]}
        """)).containsExactly("sources[0].type: unknown source type 'xml'; known types: lines");
  }

  @Test
  void reportsAMissingType() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"destination": "out"}]}
        """)).containsExactly("outputs[0].type: required; known sink types: database, json, memory");
  }

  @Test
  void reportsAnUnknownOptionOfAPlugin() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt", "delimiter": ";"}],
         "outputs": [{"type": "memory", "destination": "out"}]}
        """)).containsExactly("sources[0].delimiter: unknown option; known options: path");
  }

  @Test
  void reportsAnUnreadableInputFile() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "missing.txt"}], "outputs": [{"type": "memory", "destination": "out"}]}
        """)).containsExactly("sources[0].path: cannot read " + dir.resolve("missing.txt"));
  }

  @Test
  void reportsABatchSizeThatIsNotAWholeNumber() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "batchSize": "ten", "workers": 1.5}
        """)).containsExactly("batchSize: must be a whole number, was \"ten\"", "workers: must be a whole number, was 1.5");
  }

  @Test
  void reportsABadRetryDelay() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "retryDelay": "soon"}
        """)).containsExactly("retryDelay: must be a duration such as 500ms, 2s or 1m, was \"soon\"");
  }

  @Test
  void reportsASwitchThatIsNotABoolean() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "transformations": {"validation": "yes", "cleanup": true}}
        """)).containsExactly(
            "transformations.cleanup: unknown field; known fields: validation, deduplication, enrichment, normalization",
            "transformations.validation: must be true or false, was \"yes\"");
  }

  @Test
  void refusesSwitchesWithoutAProfile() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "transformations": {"validation": true}}
        """)).containsExactly("transformations: true/false switches need a profile that says what each one does;"
            + " list the steps instead, as in [{\"type\": \"normalize\", ...}]");
  }

  @Test
  void acceptsSwitchesThatAreAllOffWithoutAProfile() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "transformations": {"validation": false, "deduplication": false, "enrichment": false, "normalization": false}}
        """);

    assertThat(config.transformers()).isEmpty();
  }

  @Test
  void reportsTransformationsOfTheWrongShape() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "transformations": "all"}
        """)).containsExactly("transformations: must be an object of true/false switches or an array of steps, was \"all\"");
  }

  @Test
  void reportsABadStep() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "transformations": [{"type": "upper"}, {"type": "lower", "field": "x"}]}
        """)).satisfiesExactly(
            first -> assertThat(first).isEqualTo("transformations[0].field: required"),
            second -> assertThat(second).startsWith("transformations[1].type: unknown transformer type 'lower'; known types: ")
                .contains("upper"));
  }

  @Test
  void reportsMalformedJsonWithLineAndColumn() {
    assertThatThrownBy(() -> parse("{\n  \"sources\": [\n  }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("malformed JSON at line 3, column 3: Unexpected close marker '}': expected ']'");
  }

  @Test
  void reportsJsonThatEndsTooEarly() {
    assertThatThrownBy(() -> parse("{\"sources\": ["))
        .isInstanceOf(ConfigException.class)
        .hasMessage("malformed JSON at line 1, column 14: Unexpected end-of-input: expected close marker for Array");
  }

  @Test
  void reportsARepeatedField() {
    assertThatThrownBy(() -> parse("{\"batchSize\": 1, \"batchSize\": 2}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("malformed JSON at line 1, column 29: Duplicate field 'batchSize'");
  }

  @Test
  void reportsContentAfterTheConfigObject() {
    assertThatThrownBy(() -> parse("{\"batchSize\": 1}\n{\"batchSize\": 2}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("malformed JSON at line 2, column 2: unexpected content after the JSON value");
  }

  @Test
  void reportsAnEmptyConfig() {
    assertThatThrownBy(() -> parse("  \n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the config is empty; it must be a JSON object");
  }

  @Test
  void reportsAConfigThatIsNotAnObject() {
    assertThatThrownBy(() -> parse("[1, 2]"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the config must be a JSON object, was an array");
  }

  @Test
  void namesTheFileInFrontOfEveryProblemWhenReadingAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("etl.json"), "{\"batchSize\": 0}");

    assertThatThrownBy(() -> reader().read(file))
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).problems())
        .isEqualTo(List.of(file + ": sources: required", file + ": outputs: required", file + ": batchSize: must be >= 1"));
  }

  @Test
  void reportsAMissingConfigFile() {
    Path file = dir.resolve("nope.json");

    assertThatThrownBy(() -> reader().read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void reportsSectionsOfTheWrongShape() {
    assertThat(problems("""
        {"name": 7, "sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "checkpoints": "redis", "errors": []}
        """)).containsExactly(
            "name: must be a non-empty string, was 7",
            "checkpoints: must be an object such as {\"type\": \"file\"}, was \"redis\"",
            "errors: must be an object, was an array");
  }

  @Test
  void reportsACheckpointStoreWithoutAType() {
    assertThat(problems("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "checkpoints": {"directory": "cp"}}
        """)).singleElement().asString().startsWith("checkpoints.type: required; known types: file");
  }

  @Test
  void reportsAConfigFileThatIsNotUtf8() throws IOException {
    Path file = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', 'n', (byte) 0xE9, '"', '}'});

    assertThatThrownBy(() -> reader().read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": the file is not UTF-8 text");
  }

  @Test
  void reportsADirectoryGivenAsTheConfig() {
    assertThatThrownBy(() -> reader().read(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir + ": cannot read the file: is a directory, not a file");
  }

  @Test
  void skipsAByteOrderMark() throws IOException {
    Path file = Files.writeString(dir.resolve("bom.json"), """
        \uFEFF{"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}]}
        """);

    assertThat(reader().read(file).sources()).hasSize(1);
  }

  @Test
  void namesThePipelineAfterTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("employees.json"), """
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}]}
        """);

    assertThat(reader().read(file).name()).isEqualTo("employees");
  }

  @Test
  void resolvesRelativePathsAgainstTheBaseDirectory() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "./in.txt"}], "outputs": [{"type": "memory", "destination": "out"}]}
        """);

    assertThat(config.sources().get(0).requirePath("path")).isEqualTo(dir.resolve("in.txt"));
  }

  @Test
  void turnsMaxRetriesIntoARetryPolicy() {
    PipelineConfig config = parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}], "outputs": [{"type": "memory", "destination": "out"}],
         "maxRetries": 5, "retryDelay": "50ms"}
        """);

    assertThat(config.retry().maxRetries()).isEqualTo(5);
    assertThat(config.retry().initialDelay()).hasMillis(50);
  }

  @Test
  void fillsInTheProfilesOutputDefaultsUnderTheConfigsOwnOptions() {
    PipelineConfig config = reader().profile(new NamesProfile()).parse("""
        {"sources": [{"type": "lines", "path": "in.txt"}],
         "outputs": [{"type": "memory", "destination": "a"}, {"type": "memory", "destination": "b", "columns": ["id"]}]}
        """, "test");

    assertThat(config.outputs().get(0).options()).containsEntry("columns", List.of("id", "name"));
    assertThat(config.outputs().get(1).options()).containsEntry("columns", List.of("id"));
  }
}
