package dev.etlkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API source whose Authorization header comes from {@code ${API_KEY}}: the key reaches the server
 * and nothing else, whether the run succeeds, retries or fails with the server echoing it back.
 */
class SecretsIT {

  private static final String EMPLOYEES = """
      [{"id": "A1", "name": "ann lee", "email": "ann@example.com", "age": 31, "department": "eng",
        "salary": "$90,000", "joinDate": "2020-02-02", "isActive": "yes"},
       {"id": "A2", "name": "bo chen", "email": "bo@example.com", "age": 29, "department": "Sales",
        "salary": 61000, "joinDate": "2021-03-03", "isActive": true},
       {"id": "A3", "name": "x", "email": "nope", "age": 12, "department": "Sales",
        "salary": 61000, "joinDate": "2021-03-03", "isActive": true}]
      """;

  @TempDir
  Path root;

  private final String key = "k3y-" + UUID.randomUUID();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private Path work;
  private volatile boolean echoTheKey;

  @BeforeEach
  void startTheApi() throws IOException {
    work = Files.createDirectories(root.resolve("work"));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/employees", this::serve);
    server.start();
    Files.writeString(work.resolve("etl.json"), """
        {"sources": [{"type": "api", "url": "http://127.0.0.1:%d/employees?team=all",
                      "headers": {"Authorization": "Bearer ${API_KEY}", "X-Api-Key": "${API_KEY}"}}],
         "transformations": {"validation": true, "deduplication": true, "enrichment": true, "normalization": true},
         "outputs": [{"type": "json", "destination": "output/employees.json"}],
         "maxRetries": 2, "retryDelay": "10ms"}
        """.formatted(server.getAddress().getPort()));
  }

  @AfterEach
  void stopTheApi() {
    server.stop(0);
  }

  private void serve(HttpExchange exchange) throws IOException {
    int n = requests.incrementAndGet();
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (echoTheKey || !("Bearer " + key).equals(auth)) {
      respond(exchange, 401, "{\"error\": \"invalid token " + auth + "\"}");
    } else if (n == 1) {
      respond(exchange, 503, "{\"error\": \"busy, try again with " + auth + "\"}");
    } else {
      respond(exchange, 200, EMPLOYEES);
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void assertTheKeyIsNowhere(Etl.Outcome outcome) throws IOException {
    assertThat(outcome.stdout()).doesNotContain(key);
    assertThat(outcome.stderr()).doesNotContain(key);
    try (Stream<Path> files = Files.walk(work)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(key);
      }
    }
  }

  @Test
  void sendsTheKeyToTheApiAndNowhereElse() throws IOException {
    Etl.Outcome outcome = Etl.run(work, Map.of("API_KEY", key), "--config=etl.json", "--report=report.json");

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(requests.get()).isEqualTo(2);
    assertThat(Files.readString(work.resolve("output/employees.json"))).contains("\"id\": \"A1\"", "\"id\": \"A2\"");
    assertThat(work.resolve("logs/etl-combined.log")).exists();
    assertTheKeyIsNowhere(outcome);
  }

  @Test
  void keepsTheKeyOutOfEverythingWhenTheApiEchoesItInAFailure() throws IOException {
    echoTheKey = true;

    Etl.Outcome outcome = Etl.run(work, Map.of("API_KEY", key), "--config=etl.json", "--report=report.json");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.stderrLines()).hasSize(1);
    assertThat(Files.readString(work.resolve("report.json"))).contains("\"status\" : \"FAILED\"");
    assertTheKeyIsNowhere(outcome);
  }

  @Test
  void keepsAKeyInTheUrlPathOutOfOriginsDeadLettersAndCheckpoints() throws IOException {
    server.createContext("/keyed", exchange -> {
      boolean fail = exchange.getRequestURI().getQuery().contains("fail");
      respond(exchange, fail ? 500 : 200, fail ? "{}" : EMPLOYEES);
    });
    for (String query : List.of("ok", "fail")) {
      Files.writeString(work.resolve(query + ".json"), """
          {"sources": [{"type": "api", "url": "http://127.0.0.1:%d/keyed/${API_KEY}/employees?%s"}],
           "transformations": {"validation": true, "deduplication": true, "enrichment": true, "normalization": true},
           "outputs": [{"type": "json", "destination": "output/%s.json"}], "maxRetries": 1, "retryDelay": "10ms"}
          """.formatted(server.getAddress().getPort(), query, query));
    }

    Etl.Outcome ok = Etl.run(work, Map.of("API_KEY", key), "--config=ok.json", "--report=ok-report.json");
    Etl.Outcome failed = Etl.run(work, Map.of("API_KEY", key), "--config=fail.json", "--report=fail-report.json");

    assertThat(ok.exitCode()).as(ok.stderr()).isZero();
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.stderr()).contains("GET http://127.0.0.1:" + server.getAddress().getPort() + "/keyed/***/employees failed after 2 attempts");
    try (Stream<Path> deadLetters = Files.list(work.resolve("output"))) {
      assertThat(deadLetters.filter(f -> f.getFileName().toString().startsWith("rejected-")).findFirst().map(f -> {
        try {
          return Files.readString(f);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      })).get().asString().contains("/keyed/***/employees");
    }
    assertTheKeyIsNowhere(ok);
    assertTheKeyIsNowhere(failed);
  }

  @Test
  void masksASecretInAnOutputPathInTheSummaryAndTheDryRun() throws IOException {
    Files.writeString(work.resolve("keyed-output.json"), """
        {"sources": [{"type": "api", "url": "http://127.0.0.1:%d/employees", "headers": {"Authorization": "Bearer ${API_KEY}"}}],
         "outputs": [{"type": "csv", "destination": "out-${API_KEY}/employees.csv"}], "maxRetries": 1, "retryDelay": "10ms"}
        """.formatted(server.getAddress().getPort()));

    Etl.Outcome dryRun = Etl.run(work, Map.of("API_KEY", key), "--config=keyed-output.json", "--dry-run");
    Etl.Outcome run = Etl.run(work, Map.of("API_KEY", key), "--config=keyed-output.json");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(work.resolve("out-" + key + "/employees.csv")).exists();
    for (Etl.Outcome outcome : List.of(dryRun, run)) {
      assertThat(outcome.stdout()).contains("out-***" + java.io.File.separator + "employees.csv (csv)",
          "out-***" + java.io.File.separator + "rejected-").doesNotContain(key);
    }
  }

  @Test
  void masksTheKeyInTheConfigEcho() throws IOException {
    Etl.run(work, Map.of("API_KEY", key), "--config=etl.json");

    List<String> log = Files.readAllLines(work.resolve("logs/etl-combined.log"));
    assertThat(log.get(0)).contains("\\\"Authorization\\\":\\\"***\\\"", "\\\"X-Api-Key\\\":\\\"***\\\"");
  }

  @Test
  void masksAShortTokenInTheUrlInTheDryRunAndTheConfigEcho() throws IOException {
    Files.writeString(work.resolve("short.json"), """
        {"sources": [{"type": "api", "url": "http://127.0.0.1:%d/employees?team=all&token=Zq7"}],
         "outputs": [{"type": "json", "destination": "output/employees.json"}], "maxRetries": 0}
        """.formatted(server.getAddress().getPort()));

    Etl.Outcome dryRun = Etl.run(work, Map.of(), "--config=short.json", "--dry-run");
    Etl.run(work, Map.of(), "--config=short.json");

    assertThat(dryRun.stdout()).contains("/employees?team=all&token=*** (api)").doesNotContain("Zq7");
    assertThat(Files.readString(work.resolve("logs/etl-combined.log"))).contains("token=***").doesNotContain("Zq7");
  }
}
