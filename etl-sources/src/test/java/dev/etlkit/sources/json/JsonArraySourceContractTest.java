package dev.etlkit.sources.json;

import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.testkit.SourceContract;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The source contract over a pretty-printed array with nested values and a non-object item. */
class JsonArraySourceContractTest extends SourceContract<Record> {

  @Override
  protected Source<Record> createSource(Path dir) throws Exception {
    Path file = dir.resolve("contractors.json");
    if (Files.notExists(file)) {
      JsonFiles.write(dir, "contractors.json", """
          [
            {"id": 1, "name": "Ann", "salary": 75000.50, "metadata": {"skills": ["sql", "java"]}},
            42,
            {"id": 2, "name": "Bob", "active": true, "manager": null}
          ]
          """);
    }
    return JsonSource.file(file).build();
  }

  @Override
  protected List<Record> expectedItems() {
    return List.of(
        Record.of("id", 1L, "name", "Ann", "salary", new BigDecimal("75000.50"), "metadata", Map.of("skills", List.of("sql", "java"))),
        Record.of("id", 2L, "name", "Bob", "active", true, "manager", null));
  }
}
