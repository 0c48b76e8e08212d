package dev.etlkit.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.Pipeline;
import dev.etlkit.PipelineResult;
import dev.etlkit.api.Record;
import dev.etlkit.api.Retry;
import dev.etlkit.api.Source;
import dev.etlkit.checkpoint.FileCheckpointStore;
import dev.etlkit.sources.csv.CsvSource;
import dev.etlkit.sources.json.JsonSource;
import dev.etlkit.testkit.CollectingSink;
import dev.etlkit.testkit.FailingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The file sources driven by the real engine: reading, rejecting and resuming a crashed run. */
class SourcesInPipelineTest {

  @TempDir
  Path dir;

  @Test
  void sourcesDefineThemselvesByWhatTheyReadSoThatAResumeCannotSwitchInputs() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    for (Path d : List.of(a, b)) {
      Files.writeString(d.resolve("big.csv"), "id\n1\n");
      Files.writeString(d.resolve("big.json"), "[{\"id\": 1}]");
    }

    assertThat(CsvSource.file(a.resolve("big.csv")).build().definition())
        .isEqualTo(CsvSource.file(a.resolve("big.csv")).build().definition())
        .isNotEqualTo(CsvSource.file(b.resolve("big.csv")).build().definition())
        .isNotEqualTo(CsvSource.file(a.resolve("big.csv")).delimiter(';').build().definition());
    assertThat(JsonSource.file(a.resolve("big.json")).build().definition())
        .isNotEqualTo(JsonSource.file(b.resolve("big.json")).build().definition());
  }

  @Test
  void aFailureOfOneOfTwoSameNamedSourcesNamesItAsItsOriginsDo() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(a.resolve("x.csv"), "id,name\n1,Ann\n");
    Files.writeString(b.resolve("x.csv"), "id,name\n2,Bob\n3,\"Cy\n");

    PipelineResult result = Pipeline.builder("same names")
        .source(CsvSource.file(a.resolve("x.csv")).build())
        .source(CsvSource.file(b.resolve("x.csv")).build())
        .sink(CollectingSink.discarding())
        .noCheckpoints()
        .build()
        .run();

    assertThat(result.failure()).isEqualTo("x.csv (source 2) line 3: quote opened here is never closed");
  }

  @Test
  void anApiSourcesDefinitionKeepsItsQueryButNotItsSecrets() {
    String withKey = dev.etlkit.sources.http.HttpSource.get(java.net.URI.create("https://api.example.com/people?team=eng&api_key=s3cr3t"))
        .header("Authorization", "Bearer t0ken").build().definition();
    String rotated = dev.etlkit.sources.http.HttpSource.get(java.net.URI.create("https://api.example.com/people?team=eng&api_key=n3w"))
        .header("Authorization", "Bearer other").build().definition();
    String otherTeam = dev.etlkit.sources.http.HttpSource.get(java.net.URI.create("https://api.example.com/people?team=ops&api_key=n3w"))
        .build().definition();

    assertThat(withKey).isEqualTo(rotated).isNotEqualTo(otherTeam).contains("team=eng")
        .doesNotContain("s3cr3t").doesNotContain("t0ken");
    // a key in the path is masked by the config's redactor, so rotating it does not change the definition
    java.util.function.UnaryOperator<String> masks = s -> s.replace("OLD-KEY-1", "***").replace("NEW-KEY-2", "***");
    assertThat(dev.etlkit.sources.http.HttpSource.get(java.net.URI.create("https://api.example.com/v1/OLD-KEY-1/people"))
        .redact(masks).build().definition())
        .isEqualTo(dev.etlkit.sources.http.HttpSource.get(java.net.URI.create("https://api.example.com/v1/NEW-KEY-2/people"))
            .redact(masks).build().definition())
        .contains("/v1/***/people");
  }

  @Test
  void readsEachSourceInTurnAndCountsTheRejectedRows() throws Exception {
    Path csv = Files.writeString(dir.resolve("employees.csv"), "id,name\n1,Ann\n2,Bo\"b\n3,Cy\n");
    Path json = Files.writeString(dir.resolve("contractors.json"), "[{\"id\": \"4\", \"name\": \"Di\"}]");
    CollectingSink<Record> sink = CollectingSink.create();

    PipelineResult result = Pipeline.builder("sources")
        .source(CsvSource.file(csv).build())
        .source(JsonSource.file(json).build())
        .sink(sink)
        .checkpoints(FileCheckpointStore.in(dir.resolve("checkpoints")))
        .build()
        .run();

    assertThat(result.succeeded()).isTrue();
    assertThat(result.read()).isEqualTo(4);
    assertThat(result.rejected()).isEqualTo(1);
    assertThat(result.errors().get(0).origin().toString()).isEqualTo("employees.csv line 3");
    assertThat(sink.items()).extracting(r -> r.get("id")).containsExactly("1", "3", "4");
  }

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("people.csv", "id,name\n", (Function<Integer, String>) i -> i + ",\"N\n" + i + "\"\n",
            (Function<Path, Source<Record>>) p -> CsvSource.file(p).build()),
        Arguments.of("people.ndjson", "", (Function<Integer, String>) i -> "{\"id\":\"" + i + "\"}\n",
            (Function<Path, Source<Record>>) p -> JsonSource.file(p).build()),
        Arguments.of("people.json", "", null, (Function<Path, Source<Record>>) p -> JsonSource.file(p).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void resumesACrashedRunWithExactlyTheRecordsNotYetWritten(String name, String header, Function<Integer, String> row,
      Function<Path, Source<Record>> open) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, row == null
        ? "[" + String.join(",", IntStream.rangeClosed(1, 10).mapToObj(i -> "{\"id\":\"" + i + "\"}").toList()) + "]"
        : header + String.join("", IntStream.rangeClosed(1, 10).mapToObj(row::apply).toList()));
    FailingSink<Record> crashing = FailingSink.fatalAtBatch(3, () -> new IOException("disk full"));
    FailingSink<Record> healthy = FailingSink.fatalAtBatch(1_000, () -> new IOException("never"));

    PipelineResult first = pipeline(open.apply(file), crashing).run();
    PipelineResult second = pipeline(open.apply(file), healthy).resume(first.runId());

    assertThat(first.succeeded()).isFalse();
    assertThat(second.succeeded()).isTrue();
    assertThat(ids(crashing.items())).containsExactly("1", "2", "3", "4");
    assertThat(ids(healthy.items())).containsExactly("5", "6", "7", "8", "9", "10");
  }

  private Pipeline pipeline(Source<Record> source, FailingSink<Record> sink) {
    return Pipeline.builder("resume")
        .source(source)
        .sink(sink)
        .batchSize(2)
        .retry(Retry.none())
        .checkpoints(FileCheckpointStore.in(dir.resolve("checkpoints")))
        .build();
  }

  private static List<Object> ids(List<Record> records) {
    return records.stream().map(r -> r.get("id")).toList();
  }
}
