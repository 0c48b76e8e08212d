package dev.etlkit.sources.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.Retry;
import dev.etlkit.api.SourceItem;
import dev.etlkit.sources.http.TestApi.Answer;
import dev.etlkit.testkit.TestContexts;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HttpSourceTest {

  private static final Retry FAST = Retry.exponential(2, Duration.ofMillis(1));

  private @Nullable TestApi api;

  @AfterEach
  void stopApi() {
    if (api != null) {
      api.close();
    }
  }

  private TestApi serve(TestApi.Handler handler) throws Exception {
    api = new TestApi("/items", handler);
    return api;
  }

  private static List<SourceItem<Record>> readAll(HttpSource source, Retry retry, @Nullable Position after) throws Exception {
    List<SourceItem<Record>> items = new ArrayList<>();
    try (source) {
      source.open(TestContexts.source(after, retry));
      for (SourceItem<Record> item = source.read(); item != null; item = source.read()) {
        items.add(item);
      }
    }
    return items;
  }

  private static List<Object> ids(List<SourceItem<Record>> items) {
    return items.stream().filter(i -> !i.isRejected()).map(i -> i.value().get("id")).toList();
  }

  @Test
  void readsAPlainArraySendingTheConfiguredHeaders() throws Exception {
    TestApi api = serve((exchange, n) -> "Bearer t0k3n".equals(exchange.getRequestHeaders().getFirst("Authorization"))
        ? Answer.json("[{\"id\": \"a\", \"salary\": 75000.5}, {\"id\": \"b\", \"tags\": [\"x\"]}]")
        : Answer.status(401));

    List<SourceItem<Record>> items = readAll(
        HttpSource.get(api.url("/items")).header("Authorization", "Bearer t0k3n").build(), Retry.none(), null);

    assertThat(items).extracting(SourceItem::value).containsExactly(
        Record.of("id", "a", "salary", new java.math.BigDecimal("75000.5")), Record.of("id", "b", "tags", List.of("x")));
    assertThat(items.get(1).position().description()).isEqualTo("page 1 item 2");
    assertThat(api.seen().get(0).headers().get("Accept")).containsExactly("application/json");
  }

  @Test
  void followsPageNumbersUntilAnEmptyPage() throws Exception {
    TestApi api = serve((exchange, n) -> switch (TestApi.query(exchange)) {
      case "status=active&page=1" -> Answer.json("[{\"id\": 1}, {\"id\": 2}]");
      case "status=active&page=2" -> Answer.json("[{\"id\": 3}]");
      default -> Answer.json("[]");
    });

    List<SourceItem<Record>> items = readAll(HttpSource.get(api.url("/items?status=active"))
        .pagination(Pagination.pageNumbers("page", 1)).build(), Retry.none(), null);

    assertThat(ids(items)).containsExactly(1L, 2L, 3L);
    assertThat(api.requested()).containsExactly(
        "/items?status=active&page=1", "/items?status=active&page=2", "/items?status=active&page=3");
  }

  @Test
  void stopsAtAShortPageWhenThePageSizeIsKnown() throws Exception {
    TestApi api = serve((exchange, n) -> TestApi.query(exchange).equals("page=0&size=2")
        ? Answer.json("[{\"id\": 1}, {\"id\": 2}]") : Answer.json("[{\"id\": 3}]"));

    List<SourceItem<Record>> items = readAll(HttpSource.get(api.url("/items"))
        .pagination(Pagination.pageNumbers("page", 0, "size", 2)).build(), Retry.none(), null);

    assertThat(ids(items)).containsExactly(1L, 2L, 3L);
    assertThat(api.requested()).containsExactly("/items?page=0&size=2", "/items?page=1&size=2");
  }

  @Test
  void followsOffsets() throws Exception {
    TestApi api = serve((exchange, n) -> switch (TestApi.query(exchange)) {
      case "offset=0&limit=2" -> Answer.json("{\"rows\": [{\"id\": 1}, {\"id\": 2}]}");
      case "offset=2&limit=2" -> Answer.json("{\"rows\": [{\"id\": 3}]}");
      default -> Answer.status(400);
    });

    List<SourceItem<Record>> items = readAll(HttpSource.get(api.url("/items")).itemsField("rows")
        .pagination(Pagination.offsets("offset", "limit", 2)).build(), Retry.none(), null);

    assertThat(ids(items)).containsExactly(1L, 2L, 3L);
  }

  @Test
  void followsTheLinkHeaderToTheNextPage() throws Exception {
    TestApi api = serve((exchange, n) -> switch (TestApi.query(exchange)) {
      case "" -> new Answer(200, Map.of("Link", "<http://elsewhere/first>; rel=\"first\", </items?p=2>; rel=\"next\""),
          "[{\"id\": 1}]");
      case "p=2" -> new Answer(200, Map.of("Link", "</items?p=3>; rel=\"last next\""), "[{\"id\": 2}]");
      case "p=3" -> new Answer(200, Map.of("Link", "</items?p=1>; rel=\"first\""), "[{\"id\": 3}]");
      default -> Answer.status(404);
    });

    List<SourceItem<Record>> items = readAll(HttpSource.get(api.url("/items"))
        .pagination(Pagination.linkHeader()).build(), Retry.none(), null);

    assertThat(ids(items)).containsExactly(1L, 2L, 3L);
  }

  @Test
  void goesOnPastAnEmptyPageThatNamesANextCursor() throws Exception {
    TestApi api = serve((exchange, n) -> switch (TestApi.query(exchange)) {
      case "" -> new Answer(200, Map.of(), "{\"data\": [{\"id\": 1}], \"next\": \"A\"}");
      case "after=A" -> new Answer(200, Map.of(), "{\"data\": [], \"next\": \"B\"}");
      case "after=B" -> new Answer(200, Map.of(), "{\"data\": [{\"id\": 2}], \"next\": null}");
      default -> Answer.status(404);
    });

    List<SourceItem<Record>> items = readAll(HttpSource.get(api.url("/items")).itemsField("data")
        .pagination(Pagination.cursor("next", "after")).build(), Retry.none(), null);

    assertThat(ids(items)).containsExactly(1L, 2L);
  }

  @Test
  void failsInsteadOfGoingRoundWhenTheNextPageWasReadBefore() throws Exception {
    TestApi api = serve((exchange, n) -> switch (TestApi.query(exchange)) {
      case "" -> new Answer(200, Map.of("Link", "</items?p=2>; rel=\"next\""), "[{\"id\": 1}]");
      case "p=2" -> new Answer(200, Map.of("Link", "</items>; rel=\"next\""), "[{\"id\": 2}]");
      default -> Answer.status(404);
    });
    HttpSource looping = HttpSource.get(api.url("/items")).pagination(Pagination.linkHeader()).build();

    assertThatThrownBy(() -> readAll(looping, Retry.none(), null))
        .isInstanceOf(EtlException.class)
        .hasMessageEndingWith("(page 2): the next page it names was read before in this run; the API's Link header"
            + " pagination goes round in a loop");
    assertThat(api.requested()).containsExactly("/items", "/items?p=2");
  }

  @Test
  void failsInsteadOfReadingForeverWhenTheApiIgnoresThePageParameter() throws Exception {
    TestApi api = serve((exchange, n) -> Answer.json("[{\"id\": 1}, {\"id\": 2}]"));
    HttpSource stuck = HttpSource.get(api.url("/items")).pagination(Pagination.pageNumbers("page", 1)).build();

    assertThatThrownBy(() -> readAll(stuck, Retry.none(), null))
        .isInstanceOf(EtlException.class)
        .hasMessageEndingWith("(page 11): the API sent the same items for 11 pages in a row; does it ignore the"
            + " page numbers in 'page' from 1?");
    assertThat(api.requested()).hasSize(11).endsWith("/items?page=11");
  }

  @Test
  void readsPagesThatRepeatTheOneBeforeAsRealDataMay() throws Exception {
    TestApi api = serve((exchange, n) -> switch (TestApi.query(exchange)) {
      case "page=1", "page=2" -> Answer.json("[{\"id\": 1}, {\"id\": 2}]");
      case "page=3" -> Answer.json("[{\"id\": 3}]");
      default -> Answer.json("[]");
    });

    List<SourceItem<Record>> items = readAll(HttpSource.get(api.url("/items"))
        .pagination(Pagination.pageNumbers("page", 1)).build(), Retry.none(), null);

    assertThat(ids(items)).containsExactly(1L, 2L, 1L, 2L, 3L);
  }

  @Test
  void resumesInsideAPageByFetchingItAgainAndSkippingWhatWasCommitted() throws Exception {
    TestApi api = serve((exchange, n) -> switch (TestApi.query(exchange)) {
      case "page=1" -> Answer.json("[{\"id\": 1}, {\"id\": 2}]");
      case "page=2" -> Answer.json("[{\"id\": 3}, {\"id\": 4}, {\"id\": 5}]");
      default -> Answer.json("[]");
    });
    HttpSource.Builder source = HttpSource.get(api.url("/items")).pagination(Pagination.pageNumbers("page", 1));
    List<SourceItem<Record>> all = readAll(source.build(), Retry.none(), null);
    api.seen().clear();

    List<SourceItem<Record>> rest = readAll(source.build(), Retry.none(), all.get(2).position());

    assertThat(all.get(2).position().description()).isEqualTo("page 2 item 1");
    assertThat(ids(rest)).containsExactly(4L, 5L);
    assertThat(api.requested()).containsExactly("/items?page=2", "/items?page=3");
  }

  @Test
  void retriesA503AndGoesOn() throws Exception {
    TestApi api = serve((exchange, n) -> n == 1 ? Answer.status(503) : Answer.json("[{\"id\": 1}]"));

    List<SourceItem<Record>> items = readAll(HttpSource.get(api.url("/items")).build(), FAST, null);

    assertThat(ids(items)).containsExactly(1L);
    assertThat(api.seen()).hasSize(2);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void waitsWhatRetryAfterSaysAfterA429InsteadOfItsOwnBackoff() throws Exception {
    TestApi api = serve((exchange, n) -> n == 1
        ? new Answer(429, Map.of("Retry-After", "1"), "slow down")
        : Answer.json("[{\"id\": 1}]"));
    Retry tenMinutes = Retry.exponential(1, Duration.ofMinutes(10));

    List<SourceItem<Record>> items = readAll(HttpSource.get(api.url("/items")).build(), tenMinutes, null);

    assertThat(ids(items)).containsExactly(1L);
    assertThat(api.seen()).hasSize(2);
  }

  @Test
  void failsWithOneLineWhenRetriesRunOut() throws Exception {
    TestApi api = serve((exchange, n) -> Answer.status(503));

    assertThatThrownBy(() -> readAll(HttpSource.get(api.url("/items")).build(), FAST, null))
        .isInstanceOf(EtlException.class)
        .hasMessage("GET " + api.url("/items") + " failed after 3 attempts: HTTP 503");
    assertThat(api.seen()).hasSize(3);
  }

  @Test
  void failsAtOnceOnA404WithoutRetrying() throws Exception {
    TestApi api = serve((exchange, n) -> Answer.status(404));

    assertThatThrownBy(() -> readAll(HttpSource.get(api.url("/items")).build(), FAST, null))
        .isInstanceOf(EtlException.class)
        .hasMessage("GET " + api.url("/items") + ": HTTP 404");
    assertThat(api.seen()).hasSize(1);
  }

  @Test
  void failsOnAnHtmlErrorPage() throws Exception {
    TestApi api = serve((exchange, n) -> new Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"),
        "<html><body>Maintenance, token=abc</body></html>"));

    assertThatThrownBy(() -> readAll(HttpSource.get(api.url("/items")).build(), FAST, null))
        .isInstanceOf(EtlException.class)
        .hasMessage("GET " + api.url("/items") + ": HTTP 200 with a body that is not JSON (text/html)");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void retriesAndThenFailsWhenTheServerAnswersTooSlowly() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TestApi api = serve((exchange, n) -> {
      release.await();
      return Answer.json("[]");
    });
    try {
      assertThatThrownBy(() -> readAll(HttpSource.get(api.url("/items")).requestTimeout(Duration.ofMillis(200)).build(),
          Retry.exponential(1, Duration.ofMillis(1)), null))
          .isInstanceOf(EtlException.class)
          .hasMessage("GET " + api.url("/items") + " failed after 2 attempts: no response within 200ms");
    } finally {
      release.countDown();
    }
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void retriesWhenTheBodyStallsPastTheRequestTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TestApi api = serve((exchange, n) -> {
      if (n == 1) {
        // status and headers at once, then half a body, then nothing
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write("[{\"id\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        release.await();
        throw new java.io.IOException("stalled until the test ends");
      }
      return Answer.json("[{\"id\": 7}]");
    });
    try {
      List<SourceItem<Record>> items = readAll(HttpSource.get(api.url("/items")).requestTimeout(Duration.ofMillis(300)).build(),
          Retry.exponential(1, Duration.ofMillis(1)), null);

      assertThat(ids(items)).containsExactly(7L);
      assertThat(api.seen()).hasSize(2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void failsAfterRetriesWhenNothingListens() throws Exception {
    TestApi api = serve((exchange, n) -> Answer.json("[]"));
    URI gone = api.url("/items");
    api.close();

    assertThatThrownBy(() -> readAll(HttpSource.get(gone).build(), FAST, null))
        .isInstanceOf(EtlException.class)
        .hasMessage("GET " + gone + " failed after 3 attempts: connection refused");
  }

  @Test
  void followsARedirectWithinTheOriginWithTheHeaders() throws Exception {
    TestApi api = serve((exchange, n) -> exchange.getRequestURI().getQuery() == null
        ? new Answer(302, Map.of("Location", "/items?moved=1"), "")
        : "Bearer t0k3n".equals(exchange.getRequestHeaders().getFirst("Authorization")) ? Answer.json("[{\"id\": \"a\"}]")
        : Answer.status(401));

    assertThat(ids(readAll(HttpSource.get(api.url("/items")).header("Authorization", "Bearer t0k3n").build(), FAST, null)))
        .containsExactly("a");
    assertThat(api.requested()).containsExactly("/items", "/items?moved=1");
  }

  @Test
  void sendsNoHeaderToAnotherOriginARedirectOrANextLinkPointsAt() throws Exception {
    try (TestApi elsewhere = new TestApi("/items", (exchange, n) -> Answer.json("[{\"id\": \"stolen\"}]"))) {
      String other = "http://127.0.0.1:" + elsewhere.url("/items").getPort();
      TestApi api = serve((exchange, n) -> exchange.getRequestURI().getQuery() == null
          ? new Answer(302, Map.of("Location", elsewhere.url("/items").toString()), "")
          : new Answer(200, Map.of("Content-Type", "application/json", "Link", "<" + elsewhere.url("/items") + ">; rel=\"next\""),
              "[{\"id\": \"a\"}]"));

      assertThatThrownBy(() -> readAll(HttpSource.get(api.url("/items")).header("Authorization", "Bearer t0k3n").build(), FAST, null))
          .isInstanceOf(EtlException.class)
          .hasMessage("GET " + api.url("/items") + ": redirected at another origin, " + other
              + ", which is not sent the source's headers; configure that URL if it is meant");
      assertThatThrownBy(() -> readAll(HttpSource.get(api.url("/items?first=1")).header("Authorization", "Bearer t0k3n")
          .pagination(Pagination.linkHeader()).build(), FAST, null))
          .isInstanceOf(EtlException.class)
          .hasMessageContaining(": the next page is at another origin, " + other + ", which is not sent the source's headers");
      assertThat(elsewhere.seen()).isEmpty();
    }
  }

  @Test
  void saysAHostIsUnknownRatherThanRefusing() throws Exception {
    assertThatThrownBy(() -> readAll(HttpSource.get(URI.create("http://no-such-host.invalid/items")).build(), Retry.none(), null))
        .isInstanceOf(EtlException.class)
        .hasMessageContaining("unknown host no-such-host.invalid");
  }

  @Test
  void masksAHeaderTokenTheApiEchoesInItsNextLink() throws Exception {
    TestApi api = serve((exchange, n) -> n == 1
        ? new Answer(200, Map.of("Content-Type", "application/json", "Link", "</items/lit3ral-SECRET/p2>; rel=\"next\""),
            "[{\"id\": \"a\"}]")
        : Answer.status(503));

    assertThatThrownBy(() -> readAll(HttpSource.get(api.url("/items")).header("Authorization", "Bearer lit3ral-SECRET")
        .pagination(Pagination.linkHeader()).build(), Retry.none(), null))
        .isInstanceOf(EtlException.class)
        .hasMessageContaining("/items/***/p2")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("lit3ral-SECRET"));
  }

  @Test
  void keepsSecretsOutOfTheNameAndMessages() throws Exception {
    TestApi api = serve((exchange, n) -> Answer.status(403));
    URI withSecrets = URI.create(api.url("/items").toString().replace("http://", "http://user:hunter2@") + "?api_key=s3cr3t");
    HttpSource source = HttpSource.get(withSecrets).header("Authorization", "Bearer t0k3n").build();

    assertThat(source.name()).isEqualTo(api.url("/items").toString());
    assertThatThrownBy(() -> readAll(source, FAST, null))
        .hasMessage("GET " + api.url("/items") + ": HTTP 403")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2", "s3cr3t", "t0k3n", "secret-in-body"));
  }

  @Test
  void rejectsItemsThatAreNotObjectsAlone() throws Exception {
    TestApi api = serve((exchange, n) -> Answer.json("[{\"id\": 1}, 7, null, {\"id\": 2}]"));

    List<SourceItem<Record>> items = readAll(HttpSource.get(api.url("/items")).build(), Retry.none(), null);

    assertThat(items.get(1).rejection()).hasMessage("expected a JSON object but found a number");
    assertThat(items.get(2).rejection()).hasMessage("expected a JSON object but found null");
    assertThat(ids(items)).containsExactly(1L, 2L);
  }

  @Test
  void failsWhenTheItemsFieldHoldsNoArray() throws Exception {
    TestApi api = serve((exchange, n) -> Answer.json("{\"data\": {\"id\": 1}}"));

    assertThatThrownBy(() -> readAll(HttpSource.get(api.url("/items")).itemsField("data").build(), Retry.none(), null))
        .hasMessage("GET " + api.url("/items") + ": the body has no array at 'data'");
  }

  @Test
  void rejectsAUrlThatIsNotHttp() {
    assertThatThrownBy(() -> HttpSource.get(URI.create("ftp://files.example.com/x.json")).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("api source: url must be an absolute http or https URL, was ftp://files.example.com/x.json");
  }

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDate() {
    assertThat(PageFetcher.retryAfter(java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of("120")), (a, b) -> true)))
        .isEqualTo(Duration.ofSeconds(120));
    assertThat(PageFetcher.retryAfter(java.net.http.HttpHeaders.of(
        Map.of("Retry-After", List.of("Wed, 21 Oct 2015 07:28:00 GMT")), (a, b) -> true)))
        .isEqualTo(Duration.ZERO);
    assertThat(PageFetcher.retryAfter(java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true))).isNull();
  }
}
