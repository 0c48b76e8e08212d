package dev.etlkit.sources.json;

import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceItem;
import dev.etlkit.testkit.TestContexts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes test files and reads sources to the end. */
final class JsonFiles {

  private JsonFiles() {
  }

  static Path write(Path dir, String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  static List<SourceItem<Record>> readAll(Source<Record> source) throws Exception {
    return readAll(source, null);
  }

  static List<SourceItem<Record>> readAll(Source<Record> source, @Nullable Position resumeAfter) throws Exception {
    List<SourceItem<Record>> items = new ArrayList<>();
    try (source) {
      source.open(TestContexts.source(resumeAfter));
      for (SourceItem<Record> item = source.read(); item != null; item = source.read()) {
        items.add(item);
      }
    }
    return items;
  }

  static List<Record> values(List<SourceItem<Record>> items) {
    return items.stream().filter(i -> !i.isRejected()).map(SourceItem::value).toList();
  }
}
