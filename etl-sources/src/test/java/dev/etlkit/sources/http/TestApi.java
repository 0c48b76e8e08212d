package dev.etlkit.sources.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 whose answers the test scripts, recording every request. */
final class TestApi implements AutoCloseable {

  /** What the server answers to one request. */
  @FunctionalInterface
  interface Handler {
    Answer answer(HttpExchange request, int count) throws Exception;
  }

  /** A status, headers and a body. */
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer json(String body) {
      return new Answer(200, Map.of("Content-Type", "application/json"), body);
    }

    static Answer status(int status) {
      return new Answer(status, Map.of("Content-Type", "application/json"), "{\"error\": \"secret-in-body\"}");
    }
  }

  /** A request as the server saw it. */
  record Seen(String pathAndQuery, Map<String, List<String>> headers) {
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  TestApi(String path, Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext(path, exchange -> {
      try (exchange) {
        seen.add(new Seen(exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders())));
        Answer a = handler.answer(exchange, seen.size());
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      } catch (Exception e) {
        // the client sees a dropped connection; the test sees its own assertion fail
      }
    });
    server.start();
  }

  /** The URL of {@code path} on this server. */
  URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  /** The requests received so far. */
  List<Seen> seen() {
    return seen;
  }

  /** The paths and queries requested so far. */
  List<String> requested() {
    return seen.stream().map(Seen::pathAndQuery).toList();
  }

  static String query(HttpExchange exchange) {
    return exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
