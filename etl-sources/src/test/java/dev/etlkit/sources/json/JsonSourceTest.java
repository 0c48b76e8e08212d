package dev.etlkit.sources.json;

import static dev.etlkit.sources.json.JsonFiles.readAll;
import static dev.etlkit.sources.json.JsonFiles.values;
import static dev.etlkit.sources.json.JsonFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Record;
import dev.etlkit.api.SourceItem;
import dev.etlkit.testkit.TestContexts;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSourceTest {

  @TempDir
  Path dir;

  @Test
  void readsASingleObjectAsOneRecord() throws Exception {
    Path file = write(dir, "one.json", "{\n  \"id\": \"7\",\n  \"tags\": [\"a\", {\"b\": 1}]\n}\n");

    List<SourceItem<Record>> items = readAll(JsonSource.file(file).build());

    assertThat(values(items)).containsExactly(Record.of("id", "7", "tags", List.of("a", Map.of("b", 1L))));
    assertThat(items.get(0).position().description()).isEqualTo("item 1");
  }

  @Test
  void readsTheArrayInANamedFieldOfAnObject() throws Exception {
    Path file = write(dir, "wrapped.json", "{\"meta\": {\"skip\": [1, 2]}, \"result\": {\"count\": 2, \"items\": [{\"id\": 1}, {\"id\": 2}]}, \"after\": 3}");

    assertThat(values(readAll(JsonSource.file(file).itemsField("result.items").build())))
        .containsExactly(Record.of("id", 1L), Record.of("id", 2L));
  }

  @Test
  void checksTheRestOfADocumentAfterItsItemsSoThatACutShortFileFails() throws Exception {
    Map<String, String> broken = Map.of(
        "{\"data\": [{\"id\": 1}]", "cut.json line 1, column 21: Unexpected end-of-input: expected close marker for Object",
        "{\"data\": [{\"id\": 1}], \"x\": }", "bad.json line 1, column 28: Unexpected character",
        "{\"data\": [{\"id\": 1}]} trailing", "trailing.json line 1, column 23: Unrecognized token 'trailing'",
        "{\"data\": [{\"id\": 1}], \"data\": [{\"id\": 2}]}", "twice.json line 1, column 23: the field 'data' appears twice");
    int n = 0;
    for (Map.Entry<String, String> c : broken.entrySet()) {
      String name = c.getValue().substring(0, c.getValue().indexOf(' '));
      Path file = write(dir, name, c.getKey());
      assertThatThrownBy(() -> readAll(JsonSource.file(file).itemsField("data").build()))
          .as(c.getKey()).isInstanceOf(EtlException.class).hasMessageStartingWith(c.getValue());
      n++;
    }
    assertThat(n).isEqualTo(4);
    Path nested = write(dir, "ok.json", "{\"a\": {\"data\": [{\"id\": 1}], \"more\": {\"data\": 1}, \"list\": [[1], {}]}, \"z\": 2}");
    assertThat(values(readAll(JsonSource.file(nested).itemsField("a.data").build()))).containsExactly(Record.of("id", 1L));
    // a sibling object of the items' object may have a field of the same name
    Path sibling = write(dir, "sibling.json", "{\"result\": {\"items\": [{\"x\": 1}]}, \"meta\": {\"items\": 3}}");
    assertThat(values(readAll(JsonSource.file(sibling).itemsField("result.items").build()))).containsExactly(Record.of("x", 1L));
  }

  @Test
  void refusesANumberTooLongToWriteOutInsteadOfRunningOutOfMemory() throws Exception {
    Path ndjson = write(dir, "huge.ndjson", "{\"id\": 1}\n{\"id\": 1e999999999}\n{\"id\": 2}\n");
    Path array = write(dir, "huge.json", "[{\"id\": 1}, {\"id\": 1e999999999}]");

    List<SourceItem<Record>> items = readAll(JsonSource.file(ndjson).build());
    assertThat(values(items)).containsExactly(Record.of("id", 1L), Record.of("id", 2L));
    assertThat(items.get(1).rejection()).hasMessageContaining("the number 1e999999999 has more than 1000 digits"
        + " when written out; give it as a string");
    assertThatThrownBy(() -> readAll(JsonSource.file(array).build()))
        .isInstanceOf(EtlException.class)
        .hasMessageContaining("huge.json line 1, column ")
        .hasMessageContaining("the number 1e999999999 has more than 1000 digits");
  }

  @Test
  void failsWhenTheItemsFieldIsMissing() throws Exception {
    Path file = write(dir, "wrapped.json", "{\"data\": {\"id\": 1}}");

    assertThatThrownBy(() -> readAll(JsonSource.file(file).itemsField("items").build()))
        .isInstanceOf(EtlException.class)
        .hasMessage("wrapped.json line 1, column 19: field 'items' holds nothing, not an array");
  }

  @Test
  void refusesAnItemsFieldOnAFileNamedNdjsonUnlessTheFormatSaysArray() throws Exception {
    Path file = write(dir, "wrapped.ndjson", "{\"data\": [{\"id\": 1}]}");

    assertThatThrownBy(() -> JsonSource.file(file).itemsField("data").build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("json source " + file + ": itemsField does not apply to NDJSON"
            + " (its name says NDJSON; give \"format\": \"array\" if it is one JSON document)");
    assertThat(values(readAll(JsonSource.file(file).itemsField("data").format(JsonFormat.ARRAY).build())))
        .containsExactly(Record.of("id", 1L));
  }

  @Test
  void keepsNumbersExact() throws Exception {
    Path file = write(dir, "numbers.json",
        "[{\"small\": 42, \"negative\": -7, \"huge\": 123456789012345678901234567890, \"money\": 0.10, \"exp\": 1e400}]");

    Record r = values(readAll(JsonSource.file(file).build())).get(0);

    assertThat(r.get("small")).isEqualTo(42L);
    assertThat(r.get("negative")).isEqualTo(-7L);
    assertThat(r.get("huge")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
    assertThat(r.get("money")).isEqualTo(new BigDecimal("0.10"));
    assertThat(r.get("exp")).isEqualTo(new BigDecimal("1e400"));
  }

  @Test
  void failsAtMalformedJsonInAnArrayNamingLineAndColumnAfterTheItemsBeforeIt() throws Exception {
    Path file = write(dir, "contractors.json", "[\n  {\"id\": 1},\n  {\"id\": 2},\n  {\"id\": 3,, \"x\": 1}\n]");
    List<Object> read = new ArrayList<>();

    try (JsonSource source = JsonSource.file(file).build()) {
      source.open(TestContexts.source(null));
      assertThatThrownBy(() -> {
        for (SourceItem<Record> item = source.read(); item != null; item = source.read()) {
          read.add(item.value().get("id"));
        }
      }).isInstanceOf(EtlException.class)
          .hasMessage("contractors.json line 4, column 12: Unexpected character (',' (code 44)):"
              + " was expecting double-quote to start field name");
    }
    assertThat(read).containsExactly(1L, 2L);
  }

  @Test
  void failsAtNestingDeeperThanTheLimitNamingWhereInPlainWords() throws Exception {
    Path file = write(dir, "deep.json", "[{\"id\": \"1\", \"metadata\":\n" + "[".repeat(1_500) + "]".repeat(1_500) + "}]");

    assertThatThrownBy(() -> readAll(JsonSource.file(file).build()))
        .isInstanceOf(EtlException.class)
        .hasMessageMatching("deep\\.json line 2, column \\d+: Document nesting depth \\(1001\\) exceeds the maximum allowed \\(1000\\)");
  }

  @Test
  void failsAtAnArrayThatNeverEnds() throws Exception {
    Path file = write(dir, "cut.json", "[{\"id\": 1}, {\"id\": 2");

    assertThatThrownBy(() -> readAll(JsonSource.file(file).build()))
        .isInstanceOf(EtlException.class)
        .hasMessageStartingWith("cut.json line 1, column 21: Unexpected end-of-input");
  }

  @Test
  void rejectsABadNdjsonLineAloneAndKeepsReading() throws Exception {
    Path file = write(dir, "events.ndjson", "{\"id\":1}\n{\"id\":2,}\n[1,2]\n{\"id\":3} {\"id\":4}\n{\"id\":5}\n");

    List<SourceItem<Record>> items = readAll(JsonSource.file(file).build());

    assertThat(items).hasSize(5);
    assertThat(items.get(1).rejection()).hasMessage(
        "invalid JSON at column 9: Unexpected character ('}' (code 125)): was expecting double-quote to start field name");
    assertThat(items.get(1).position().description()).isEqualTo("line 2");
    assertThat(items.get(1).raw()).isEqualTo("{\"id\":2,}");
    assertThat(items.get(2).rejection()).hasMessage("expected a JSON object but found an array");
    assertThat(items.get(3).rejection()).hasMessage("expected one JSON object on the line but found an object after it at column 10");
    assertThat(values(items)).containsExactly(Record.of("id", 1L), Record.of("id", 5L));
  }

  @Test
  void placesAnNdjsonErrorAtItsCharacterColumnNotItsByteColumn() throws Exception {
    Path file = dir.resolve("accents.ndjson");
    Files.write(file, bytes("\uFEFF{\"id\":\"\u00e9\u00e9\" x}\n{\"name\":\"\u00e9\u00e9", 0xFF, "\"}\n{\"name\":\"ab", 0xC3, 0x28, "\"}\n"));

    List<SourceItem<Record>> items = readAll(JsonSource.file(file).build());

    assertThat(items.get(0).rejection()).hasMessageStartingWith("invalid JSON at column 12: Unexpected character ('x'");
    assertThat(items.get(1).rejection()).hasMessage("invalid JSON at column 12: Invalid UTF-8 start byte 0xff");
    assertThat(items.get(2).rejection()).hasMessage("invalid JSON at column 13: Invalid UTF-8 middle byte 0x28");
  }

  @Test
  void placesADocumentErrorAtItsCharacterColumnAfterAByteOrderMarkAndAnyLineBreaks() throws Exception {
    Path lf = dir.resolve("lf.json");
    Files.write(lf, bytes("\uFEFF[{\"id\":\"\u00e9\u00e9\"} x]"));
    Path crlf = dir.resolve("crlf.json");
    Files.write(crlf, bytes("[\r\n{\"id\":1},\r\n{\"id\":\"\u00e9\" x}]"));
    Path cr = dir.resolve("cr.json");
    Files.write(cr, bytes("[\r{\"id\":1},\r{\"id\":\"\u00e9\" x}]"));
    Path bad = dir.resolve("bad.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bad))) {
      out.write(bytes("[{\"id\":1},\n {\"name\":\"\u00e9", 0xFF, "\"}]"));
    }

    assertThatThrownBy(() -> readAll(JsonSource.file(lf).build())).hasMessageStartingWith("lf.json line 1, column 14: Unexpected character ('x'");
    assertThatThrownBy(() -> readAll(JsonSource.file(crlf).build())).hasMessageStartingWith("crlf.json line 3, column 11: Unexpected character ('x'");
    assertThatThrownBy(() -> readAll(JsonSource.file(cr).build())).hasMessageStartingWith("cr.json line 3, column 11: Unexpected character ('x'");
    assertThatThrownBy(() -> readAll(JsonSource.file(bad).build())).hasMessage("bad.json.gz line 2, column 12: Invalid UTF-8 start byte 0xff");
  }

  /** UTF-8 text and raw bytes, in order. */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }

  @Test
  void resumesNdjsonMidFileBySeekingToTheByteAfterTheLastItem() throws Exception {
    Path file = write(dir, "events.ndjson", "{\"id\":1}\n{\"id\":2}\n\n{\"id\":3}\n{\"id\":4}\n");
    List<SourceItem<Record>> all = readAll(JsonSource.file(file).build());

    List<SourceItem<Record>> rest = readAll(JsonSource.file(file).build(), all.get(1).position());

    assertThat(all.get(1).position().state()).containsExactly(Map.entry("offset", 18L), Map.entry("nextLine", 3L));
    assertThat(values(rest)).containsExactly(Record.of("id", 3L), Record.of("id", 4L));
    assertThat(rest).extracting(i -> i.position().description()).containsExactly("line 4", "line 5");
  }

  @Test
  void resumesAnArrayAfterTheLastCommittedItem() throws Exception {
    Path file = write(dir, "list.json", "[{\"id\":1},{\"id\":2},{\"id\":3}]");
    List<SourceItem<Record>> all = readAll(JsonSource.file(file).build());

    assertThat(values(readAll(JsonSource.file(file).build(), all.get(0).position())))
        .containsExactly(Record.of("id", 2L), Record.of("id", 3L));
  }

  @Test
  void readsNdjsonByExtensionEvenWithOneLine() throws Exception {
    Path file = write(dir, "one.jsonl", "{\"id\":1}");

    List<SourceItem<Record>> items = readAll(JsonSource.file(file).build());

    assertThat(values(items)).containsExactly(Record.of("id", 1L));
    assertThat(items.get(0).position().description()).isEqualTo("line 1");
  }

  @Test
  void readsAGzippedNdjsonFile() throws Exception {
    Path file = dir.resolve("events.ndjson.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n".getBytes(StandardCharsets.UTF_8));
    }
    List<SourceItem<Record>> all = readAll(JsonSource.file(file).build());

    assertThat(values(all)).hasSize(3);
    assertThat(values(readAll(JsonSource.file(file).build(), all.get(1).position()))).containsExactly(Record.of("id", 3L));
  }

  @Test
  void readsNothingFromAnEmptyFileOrAnEmptyArray() throws Exception {
    assertThat(readAll(JsonSource.file(write(dir, "empty.json", "")).build())).isEmpty();
    assertThat(readAll(JsonSource.file(write(dir, "blank.json", "  \n")).build())).isEmpty();
    assertThat(readAll(JsonSource.file(write(dir, "none.json", "[]")).build())).isEmpty();
  }

  @Test
  void keepsTheLastValueOfANameGivenTwice() throws Exception {
    Path file = write(dir, "twice.json", "[{\"a\": 1, \"b\": 2, \"a\": 3}]");

    assertThat(values(readAll(JsonSource.file(file).build()))).containsExactly(Record.of("a", 3L, "b", 2L));
  }

  @Test
  void keepsEachRecordsOwnFieldsWhenObjectsDiffer() throws Exception {
    Path file = write(dir, "mixed.ndjson", "{\"a\":1,\"b\":2}\n{\"a\":1,\"b\":2}\n{\"b\":2,\"a\":1}\n{\"c\":null}\n");

    assertThat(values(readAll(JsonSource.file(file).build())))
        .extracting(Record::fieldNames)
        .containsExactly(List.of("a", "b"), List.of("a", "b"), List.of("b", "a"), List.of("c"));
  }

  @Test
  void failsBeforeTheRunWhenTheFileIsMissing() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> JsonSource.file(missing).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("file not found: " + missing);
  }

  @Test
  void failsWhenTheTopLevelIsNotAnArrayOrObject() throws Exception {
    Path file = write(dir, "scalar.json", "\n  \"hello\"");

    assertThatThrownBy(() -> readAll(JsonSource.file(file).format(JsonFormat.ARRAY).build()))
        .isInstanceOf(EtlException.class)
        .hasMessage("scalar.json line 2, column 3: expected an array or an object but found a string");
  }

  @Test
  void failsOnContentAfterTheDocumentInsteadOfDroppingIt() throws Exception {
    Path file = write(dir, "two.json", "{\"id\": 1}\n\n  {\"id\": 2}\n");

    assertThatThrownBy(() -> readAll(JsonSource.file(file).format(JsonFormat.ARRAY).build()))
        .isInstanceOf(EtlException.class)
        .hasMessage("two.json line 3, column 3: expected the end of the document but found an object;"
            + " for one object per line, set the format to ndjson");
  }

  @Test
  void readsTwoObjectsOnTheirOwnLinesAsNdjsonWhenAutomatic() throws Exception {
    Path file = write(dir, "two.json", "{\"id\": 1}\n{\"id\": 2}\n");

    assertThat(values(readAll(JsonSource.file(file).build()))).containsExactly(Record.of("id", 1L), Record.of("id", 2L));
  }

  @Test
  void reportsBytesReadAgainstTheFileSize() throws Exception {
    Path file = write(dir, "size.json", "[{\"id\":1}]");
    JsonSource source = JsonSource.file(file).build();

    readAll(source);

    assertThat(source.totalBytes()).isEqualTo(Files.size(file));
    assertThat(source.bytesRead()).isEqualTo(Files.size(file));
  }
}
