package dev.etlkit.sources.http;

import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.sources.http.TestApi.Answer;
import dev.etlkit.testkit.SourceContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The source contract over a cursor-paged API whose pages hold two items each and one bad item. */
class HttpSourceContractTest extends SourceContract<Record> {

  private TestApi api;

  @BeforeEach
  void startApi() throws Exception {
    api = new TestApi("/items", (exchange, n) -> switch (TestApi.query(exchange)) {
      case "" -> Answer.json("{\"data\": [{\"id\": 1}, {\"id\": 2}], \"next\": \"c2\"}");
      case "after=c2" -> Answer.json("{\"data\": [{\"id\": 3}, \"junk\"], \"next\": \"c3\"}");
      case "after=c3" -> Answer.json("{\"data\": [{\"id\": 4}, {\"id\": 5}]}");
      default -> Answer.status(404);
    });
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  @Override
  protected Source<Record> createSource(Path dir) {
    return HttpSource.get(api.url("/items")).itemsField("data").pagination(Pagination.cursor("next", "after")).build();
  }

  @Override
  protected List<Record> expectedItems() {
    return List.of(Record.of("id", 1L), Record.of("id", 2L), Record.of("id", 3L), Record.of("id", 4L), Record.of("id", 5L));
  }
}
