package dev.etlkit.sources.csv;

import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.testkit.SourceContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The source contract over a file with the awkward parts: quotes, CRLF, a multi-line value, unicode, a bad row. */
class CsvSourceContractTest extends SourceContract<Record> {

  @Override
  protected Source<Record> createSource(Path dir) throws Exception {
    Path file = dir.resolve("people.csv");
    if (Files.notExists(file)) {
      CsvFiles.write(dir, "people.csv", "\uFEFFid,name,note\r\n"
          + "1,Ann,\"likes \"\"tea\"\", coffee\"\r\n"
          + "2,Zoë,\"two\r\nlines\"\r\n"
          + "\r\n"
          + "3,Bob,too,many\r\n"
          + "4,日本,\n"
          + "5,Eve,last");
    }
    return CsvSource.file(file).build();
  }

  @Override
  protected List<Record> expectedItems() {
    return List.of(
        Record.of("id", "1", "name", "Ann", "note", "likes \"tea\", coffee"),
        Record.of("id", "2", "name", "Zoë", "note", "two\r\nlines"),
        Record.of("id", "4", "name", "日本", "note", ""),
        Record.of("id", "5", "name", "Eve", "note", "last"));
  }
}
