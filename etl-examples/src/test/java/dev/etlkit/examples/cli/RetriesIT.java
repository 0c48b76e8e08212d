package dev.etlkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maxRetries} is how many times a failed call is retried: at most maxRetries + 1 attempts. */
class RetriesIT {

  @TempDir
  Path root;

  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;

  @BeforeEach
  void startAnApiThatIsAlwaysBusy() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/employees", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopTheApi() {
    server.stop(0);
  }

  @Test
  void triesACallMaxRetriesPlusOneTimesThenFailsTheRun() throws IOException {
    Path work = Files.createDirectories(root.resolve("work"));
    Files.writeString(work.resolve("etl.json"), """
        {"sources": [{"type": "api", "url": "http://127.0.0.1:%d/employees"}],
         "outputs": [{"type": "json", "destination": "output/x.json"}],
         "maxRetries": 2, "retryDelay": "10ms"}
        """.formatted(server.getAddress().getPort()));

    Etl.Outcome outcome = Etl.run(work, Map.of(), "--config=etl.json");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(requests.get()).isEqualTo(3);
    // each retry is a warning; the failure is one error line
    assertThat(outcome.stderrLines()).filteredOn(l -> l.contains("[WARN]")).hasSize(2)
        .allSatisfy(l -> assertThat(l).contains("failed (attempt ").contains("HTTP 503; retrying in "));
    assertThat(outcome.stderrLines()).filteredOn(l -> !l.contains("[WARN]")).singleElement().asString()
        .startsWith("error: ").contains("failed after 3 attempts: HTTP 503", "--resume=");
  }
}
