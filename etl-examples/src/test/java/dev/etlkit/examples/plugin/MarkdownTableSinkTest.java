package dev.etlkit.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.testkit.SinkContract;
import dev.etlkit.testkit.TestChunk;
import dev.etlkit.testkit.TestContexts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTableSinkTest extends SinkContract<Record> {

  @Override
  protected Sink<Record> createSink(Path dir) {
    return new MarkdownTableSink(dir.resolve("table.md"), List.of());
  }

  @Override
  protected List<Record> sampleItems() {
    return List.of(Record.of("id", "1", "name", "Ann"), Record.of("id", "2", "name", "Bob | Co"),
        Record.of("id", "3", "name", "Cy"), Record.of("id", "4", "name", "Di"));
  }

  @Override
  protected List<Record> readBack(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("table.md"));
    List<Record> records = new ArrayList<>();
    if (lines.isEmpty()) {
      return records;
    }
    List<String> header = cells(lines.get(0));
    for (String line : lines.subList(2, lines.size())) {
      List<String> cells = cells(line);
      Record.Builder b = Record.builder();
      for (int i = 0; i < header.size(); i++) {
        b.put(header.get(i), cells.get(i));
      }
      records.add(b.build());
    }
    return records;
  }

  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    for (String c : line.substring(1).split("(?<!\\\\)\\|")) {
      cells.add(c.strip().replace("\\|", "|"));
    }
    return cells;
  }

  @Test
  void writesTheGivenColumnsWithPlainNumbersAndEscapedText() throws Exception {
    Path file = contractDir.resolve("people.md");
    try (Sink<Record> sink = new MarkdownTableSink(file, List.of("name", "salary"))) {
      sink.open(TestContexts.sink(null));
      sink.write(TestChunk.of(List.of(Record.of("id", "1", "name", "Ann\nLee", "salary", new BigDecimal("75000.00")))));
      sink.complete();
    }

    assertThat(file).hasContent("| name | salary |\n| --- | --- |\n| Ann<br>Lee | 75000 |\n");
  }
}
