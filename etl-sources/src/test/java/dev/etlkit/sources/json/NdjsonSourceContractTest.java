package dev.etlkit.sources.json;

import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.testkit.SourceContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The source contract over NDJSON with CRLF, a blank line, a BOM, unicode and a bad line. */
class NdjsonSourceContractTest extends SourceContract<Record> {

  @Override
  protected Source<Record> createSource(Path dir) throws Exception {
    Path file = dir.resolve("events.ndjson");
    if (Files.notExists(file)) {
      JsonFiles.write(dir, "events.ndjson", "\uFEFF{\"id\":1,\"who\":\"Zoë\"}\r\n\r\n{\"id\":2,\"who\":\"日本\"}\n{bad\n{\"id\":3}");
    }
    return JsonSource.file(file).build();
  }

  @Override
  protected List<Record> expectedItems() {
    return List.of(Record.of("id", 1L, "who", "Zoë"), Record.of("id", 2L, "who", "日本"), Record.of("id", 3L));
  }
}
