package dev.etlkit.sources.csv;

import static dev.etlkit.sources.csv.CsvFiles.readAll;
import static dev.etlkit.sources.csv.CsvFiles.values;
import static dev.etlkit.sources.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.SourceItem;
import dev.etlkit.testkit.TestContexts;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {

  @TempDir
  Path dir;

  @Test
  void keepsQuotedCommasQuotesAndNewlinesAsWritten() throws Exception {
    Path file = write(dir, "notes.csv", "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"one\r\ntwo\nthree\"\n");

    assertThat(values(readAll(CsvSource.file(file).build()))).containsExactly(
        Record.of("id", "1", "note", "a, b"),
        Record.of("id", "2", "note", "say \"hi\""),
        Record.of("id", "3", "note", "one\r\ntwo\nthree"));
  }

  @Test
  void readsCrlfLfAndMixedLineEndsAlike() throws Exception {
    Path file = write(dir, "mixed.csv", "id,name\r\n1,Ann\n2,Bob\r\n3,\"Cy\"\r\n");

    assertThat(values(readAll(CsvSource.file(file).build()))).containsExactly(
        Record.of("id", "1", "name", "Ann"), Record.of("id", "2", "name", "Bob"), Record.of("id", "3", "name", "Cy"));
  }

  @Test
  void failsAtTheHeaderOfAFileWhoseLinesEndInCrAloneInsteadOfReadingNoRecords() throws Exception {
    Path file = write(dir, "mac.csv", "id,name\r1,Ann\r2,Bob\r");

    assertThatThrownBy(() -> readAll(CsvSource.file(file).build()))
        .isInstanceOf(EtlException.class)
        .hasMessage("mac.csv line 1: the header holds a CR line break; if the file ends its lines with CR alone,"
            + " convert them to LF or CRLF");
  }

  @Test
  void skipsTheUtf8ByteOrderMark() throws Exception {
    Path file = write(dir, "bom.csv", "\uFEFFid,name\n1,Ann\n");

    Record first = values(readAll(CsvSource.file(file).build())).get(0);

    assertThat(first.fieldNames()).containsExactly("id", "name");
  }

  @Test
  void keepsEmptyFieldsAsEmptyStringsAndColumnOrder() throws Exception {
    Path file = write(dir, "empty.csv", "z,a,m\n,,\n\"\",x,\n");

    List<Record> records = values(readAll(CsvSource.file(file).build()));

    assertThat(records).containsExactly(Record.of("z", "", "a", "", "m", ""), Record.of("z", "", "a", "x", "m", ""));
    assertThat(records.get(0).fieldNames()).containsExactly("z", "a", "m");
  }

  @Test
  void readsUnicodeAndResumesAfterItAtTheRightByte() throws Exception {
    Path file = write(dir, "unicode.csv", "id,name\n1,Zoë 🎉\n2,日本語\n3,Ünal\n");
    List<SourceItem<Record>> all = readAll(CsvSource.file(file).build());

    List<SourceItem<Record>> rest = readAll(CsvSource.file(file).build(), all.get(0).position());

    assertThat(values(all)).extracting(r -> r.get("name")).containsExactly("Zoë 🎉", "日本語", "Ünal");
    assertThat(values(rest)).extracting(r -> r.get("name")).containsExactly("日本語", "Ünal");
    assertThat(all.get(1).position().getLong("offset", -1)).isEqualTo("id,name\n1,Zoë 🎉\n2,日本語\n".getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void readsNothingFromAnEmptyFile() throws Exception {
    Path file = write(dir, "empty.csv", "");

    assertThat(readAll(CsvSource.file(file).build())).isEmpty();
  }

  @Test
  void readsNothingFromAFileWithOnlyAHeader() throws Exception {
    Path file = write(dir, "header.csv", "id,name\n");

    assertThat(readAll(CsvSource.file(file).build())).isEmpty();
  }

  @Test
  void skipsBlankLinesAndKeepsCountingThem() throws Exception {
    Path file = write(dir, "blank.csv", "id,name\n\n1,Ann\n   \n\n2,\"B\nob\"\n\n3,Cy\n\n");

    List<SourceItem<Record>> items = readAll(CsvSource.file(file).build());

    assertThat(items).extracting(i -> i.position().description()).containsExactly("line 3", "line 6", "line 9");
    assertThat(values(items)).extracting(r -> r.get("id")).containsExactly("1", "2", "3");
  }

  @Test
  void readsAGzippedFileNamedGz() throws Exception {
    Path file = dir.resolve("people.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("id,name\n1,Ann\n2,Bob\n3,Cy\n".getBytes(StandardCharsets.UTF_8));
    }
    List<SourceItem<Record>> all = readAll(CsvSource.file(file).build());

    List<SourceItem<Record>> rest = readAll(CsvSource.file(file).build(), all.get(0).position());

    assertThat(values(all)).extracting(r -> r.get("name")).containsExactly("Ann", "Bob", "Cy");
    assertThat(values(rest)).extracting(r -> r.get("name")).containsExactly("Bob", "Cy");
  }

  @Test
  void rejectsARowWithTooManyColumnsAloneAndKeepsReading() throws Exception {
    Path file = write(dir, "wide.csv", "id,name\n1,Ann\n2,Bob,extra\n3,Cy\n");

    List<SourceItem<Record>> items = readAll(CsvSource.file(file).build());

    SourceItem<Record> bad = items.get(1);
    assertThat(bad.isRejected()).isTrue();
    assertThat(bad.rejection()).hasMessage("expected 2 columns but found 3");
    assertThat(bad.position().description()).isEqualTo("line 3");
    assertThat(bad.raw()).isEqualTo("2,Bob,extra");
    assertThat(values(items)).extracting(r -> r.get("id")).containsExactly("1", "3");
  }

  @Test
  void rejectsARowWithTooFewColumns() throws Exception {
    Path file = write(dir, "narrow.csv", "id,name,age\n1,Ann\n");

    SourceItem<Record> bad = readAll(CsvSource.file(file).build()).get(0);

    assertThat(bad.rejection()).hasMessage("expected 3 columns but found 2");
  }

  @Test
  void rejectsAStrayQuoteInAnUnquotedFieldAloneAndKeepsReading() throws Exception {
    Path file = write(dir, "stray.csv", "id,name\n1,Ann\n2,Bo\"b\n3,Cy\n");

    List<SourceItem<Record>> items = readAll(CsvSource.file(file).build());

    assertThat(items.get(1).rejection()).hasMessage("stray quote in unquoted field 2 (name)");
    assertThat(items.get(1).position().description()).isEqualTo("line 3");
    assertThat(items.get(1).raw()).isEqualTo("2,Bo\"b");
    assertThat(values(items)).extracting(r -> r.get("id")).containsExactly("1", "3");
  }

  @Test
  void rejectsTextAfterAClosingQuote() throws Exception {
    Path file = write(dir, "after.csv", "id,name\n1,\"Ann\"x\n2,Bob\n");

    List<SourceItem<Record>> items = readAll(CsvSource.file(file).build());

    assertThat(items.get(0).rejection()).hasMessage("unexpected character 'x' after the closing quote of field 2 (name)");
    assertThat(values(items)).containsExactly(Record.of("id", "2", "name", "Bob"));
  }

  @Test
  void failsAtAQuoteThatIsNeverClosedAfterTheRecordsBeforeIt() throws Exception {
    Path file = write(dir, "employees.csv", "id,name\n1,Ann\n2,Bob\n3,\"Cy\n4,Di\n5,Ed\n");
    List<Record> read = new ArrayList<>();

    try (CsvSource source = CsvSource.file(file).build()) {
      source.open(TestContexts.source(null));
      assertThatThrownBy(() -> {
        for (SourceItem<Record> item = source.read(); item != null; item = source.read()) {
          read.add(item.value());
        }
      }).isInstanceOf(EtlException.class).hasMessage("employees.csv line 4: quote opened here is never closed");
    }
    assertThat(read).extracting(r -> r.get("id")).containsExactly("1", "2");
  }

  @Test
  void namesTheLineWhereAnUnclosedQuoteOpenedInsideAMultiLineRecord() throws Exception {
    Path file = write(dir, "multi.csv", "a,b,c\n1,\"x\ny\",\"open\nrest\n");

    assertThatThrownBy(() -> readAll(CsvSource.file(file).build()))
        .hasMessage("multi.csv line 3: quote opened here is never closed");
  }

  @Test
  void failsWhenAFieldOutgrowsTheLimit() throws Exception {
    Path file = write(dir, "long.csv", "id,name\n1,Ann\n2,\"" + "x".repeat(200) + "\n");

    assertThatThrownBy(() -> readAll(CsvSource.file(file).maxFieldChars(100).build()))
        .isInstanceOf(EtlException.class)
        .hasMessage("long.csv line 3: a field is longer than 100 characters; a quote may never be closed"
            + " (raise maxFieldChars if the field is real)");
  }

  @Test
  void failsOnARecordWithMoreColumnsThanTheParserHolds() throws Exception {
    Path file = write(dir, "wide.csv", "id\n1\n" + ",".repeat(CsvFormat.MAX_COLUMNS) + "\n");

    assertThatThrownBy(() -> readAll(CsvSource.file(file).build()))
        .isInstanceOf(EtlException.class)
        .hasMessage("wide.csv line 3: more than 10000 columns");
  }

  @Test
  void failsBeforeTheRunWhenTheFileIsMissing() {
    Path missing = dir.resolve("nope.csv");

    assertThatThrownBy(() -> CsvSource.file(missing).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("file not found: " + missing);
  }

  @Test
  void failsNamingTheLineWhenBytesAreNotValidInTheCharset() throws Exception {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "id,name\n1,Ann\n2,Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> readAll(CsvSource.file(file).build()))
        .isInstanceOf(EtlException.class)
        .hasMessage("latin1.csv line 3: bytes at offset 19 are not valid UTF-8; set the charset option to the file's encoding");
  }

  @Test
  void handsOutTheRecordsBeforeBadBytesAndNamesTheirLine() throws Exception {
    Path atLineStart = dir.resolve("start.csv");
    Files.write(atLineStart, new byte[] {'i', 'd', '\n', '1', '\n', '2', '\n', '3', '\n', (byte) 0xE9, '\n'});
    Path midLine = dir.resolve("mid.csv");
    Files.write(midLine, new byte[] {'i', 'd', '\n', '1', '\n', '2', '\n', '3', '\n', '4', (byte) 0xE9, '\n', '5', '\n'});
    Path inQuotes = dir.resolve("quoted.csv");
    Files.write(inQuotes, new byte[] {'i', 'd', '\n', '1', '\n', '2', '\n', '3', '\n', '"', '4', '\n', (byte) 0xE9, '"', '\n'});

    for (Path file : List.of(atLineStart, midLine, inQuotes)) {
      CsvSource source = CsvSource.file(file).build();
      source.open(TestContexts.source(null));
      List<String> ids = new ArrayList<>();
      assertThatThrownBy(() -> {
        for (var item = source.read(); item != null; item = source.read()) {
          ids.add(item.value().getString("id"));
        }
      }).isInstanceOf(EtlException.class)
          .hasMessage(file.getFileName() + " line " + (file == inQuotes ? 6 : 5) + ": bytes at offset "
              + (file == midLine ? 10 : file == inQuotes ? 12 : 9) + " are not valid UTF-8; set the charset option to the file's encoding");
      assertThat(ids).as(file.toString()).containsExactly("1", "2", "3");   // a record cut by the bad bytes is not one
      source.close();
    }
  }

  @Test
  void readsAnotherCharsetWhenToldAndResumesAtTheRightByte() throws Exception {
    Path file = dir.resolve("cp1252.csv");
    Files.write(file, "id,name\n1,René\n2,Zoë\n3,Åsa\n".getBytes(Charset.forName("windows-1252")));
    List<SourceItem<Record>> all = readAll(CsvSource.file(file).charset(Charset.forName("windows-1252")).build());

    List<SourceItem<Record>> rest = readAll(CsvSource.file(file).charset(Charset.forName("windows-1252")).build(),
        all.get(1).position());

    assertThat(values(all)).extracting(r -> r.get("name")).containsExactly("René", "Zoë", "Åsa");
    assertThat(values(rest)).extracting(r -> r.get("name")).containsExactly("Åsa");
  }

  @Test
  void readsUtf16WithAByteOrderMarkAndResumes() throws Exception {
    Path file = dir.resolve("utf16.csv");
    Files.write(file, "id,name\n1,Zoë\n2,日本\n".getBytes(StandardCharsets.UTF_16));
    List<SourceItem<Record>> all = readAll(CsvSource.file(file).charset(StandardCharsets.UTF_16).build());

    List<SourceItem<Record>> rest = readAll(CsvSource.file(file).charset(StandardCharsets.UTF_16).build(),
        all.get(0).position());

    assertThat(values(all)).extracting(r -> r.get("name")).containsExactly("Zoë", "日本");
    assertThat(values(rest)).extracting(r -> r.get("name")).containsExactly("日本");
  }

  @Test
  void resumesBySeekingPastEverythingBeforeTheOffset() throws Exception {
    // line 3 is not valid UTF-8: a source that re-read the file from the start would fail on it
    Path file = dir.resolve("seek.csv");
    byte[] head = "id,name\n1,Ann\n2,".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\n3,Cy\n4,Di\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, content, 0, head.length);
    content[head.length] = (byte) 0xFF;
    System.arraycopy(tail, 0, content, head.length + 1, tail.length);
    Files.write(file, content);
    Position afterLine3 = Position.restore("line 3", java.util.Map.of("offset", (long) head.length + 2, "nextLine", 4L));

    List<SourceItem<Record>> rest = readAll(CsvSource.file(file).build(), afterLine3);

    assertThat(rest).extracting(i -> i.position().description()).containsExactly("line 4", "line 5");
    assertThat(values(rest)).extracting(r -> r.get("name")).containsExactly("Cy", "Di");
  }

  @Test
  void givesEachRecordItsLineTheByteOffsetAfterItAndTheNextLine() throws Exception {
    Path file = write(dir, "pos.csv", "id,note\n1,\"a\nb\"\n2,c\n");

    List<SourceItem<Record>> items = readAll(CsvSource.file(file).build());

    assertThat(items.get(0).position().description()).isEqualTo("line 2");
    assertThat(items.get(0).position().state()).containsExactly(
        java.util.Map.entry("offset", 16L), java.util.Map.entry("nextLine", 4L));
    assertThat(items.get(1).position().description()).isEqualTo("line 4");
  }

  @Test
  void usesAnotherDelimiterQuoteAndEscape() throws Exception {
    Path file = write(dir, "semi.csv", "id;note\n1;'it\\'s; fine'\n");

    Record r = values(readAll(CsvSource.file(file).delimiter(';').quote('\'').escape('\\').build())).get(0);

    assertThat(r).isEqualTo(Record.of("id", "1", "note", "it's; fine"));
  }

  @Test
  void namesColumnsByPositionWithoutAHeader() throws Exception {
    Path file = write(dir, "plain.csv", "1,Ann\n2,Bob\n");

    assertThat(values(readAll(CsvSource.file(file).header(false).build()))).containsExactly(
        Record.of("column1", "1", "column2", "Ann"), Record.of("column1", "2", "column2", "Bob"));
  }

  @Test
  void usesGivenColumnNamesInsteadOfTheHeader() throws Exception {
    Path file = write(dir, "renamed.csv", "ID,Full Name\n1,Ann\n");

    assertThat(values(readAll(CsvSource.file(file).columns(List.of("id", "name")).build())))
        .containsExactly(Record.of("id", "1", "name", "Ann"));
  }

  @Test
  void trimsValuesWhenAsked() throws Exception {
    Path file = write(dir, "spaces.csv", "id , name\n 1 ,  \" Ann \" \n");

    assertThat(values(readAll(CsvSource.file(file).trim(true).build())))
        .containsExactly(Record.of("id", "1", "name", "Ann"));
  }

  @Test
  void skipsCommentLinesWhenACommentCharacterIsSet() throws Exception {
    Path file = write(dir, "comments.csv", "# exported today\nid,name\n# a note\n1,Ann\n");

    List<SourceItem<Record>> items = readAll(CsvSource.file(file).comment('#').build());

    assertThat(values(items)).containsExactly(Record.of("id", "1", "name", "Ann"));
    assertThat(items.get(0).position().description()).isEqualTo("line 4");
  }

  @Test
  void fillsMissingValuesWithNullAndDropsExtraOnesWhenNotStrict() throws Exception {
    Path file = write(dir, "ragged.csv", "id,name\n1\n2,Bob,extra\n");

    assertThat(values(readAll(CsvSource.file(file).strict(false).build()))).containsExactly(
        Record.of("id", "1", "name", null), Record.of("id", "2", "name", "Bob"));
  }

  @Test
  void namesExtraValuesOfAHeaderlessFileInsteadOfDroppingThemWhenNotStrict() throws Exception {
    Path file = write(dir, "ragged-plain.csv", "1,2\n3\n4,5,6\n");

    assertThat(values(readAll(CsvSource.file(file).header(false).strict(false).build()))).containsExactly(
        Record.of("column1", "1", "column2", "2"), Record.of("column1", "3", "column2", null),
        Record.of("column1", "4", "column2", "5", "column3", "6"));
  }

  @Test
  void failsWhenTheHeaderNamesAColumnTwice() throws Exception {
    Path file = write(dir, "dup.csv", "id,name,id\n1,Ann,2\n");

    assertThatThrownBy(() -> readAll(CsvSource.file(file).build()))
        .isInstanceOf(EtlException.class)
        .hasMessage("dup.csv line 1: column name 'id' is used by columns 1 and 3");
  }

  @Test
  void failsWhenAHeaderColumnHasNoName() throws Exception {
    Path file = write(dir, "unnamed.csv", "id,,name\n1,2,Ann\n");

    assertThatThrownBy(() -> readAll(CsvSource.file(file).build()))
        .isInstanceOf(EtlException.class)
        .hasMessage("unnamed.csv line 1: column 2 has no name; name the columns with the columns option");
  }

  @Test
  void resumesAHeaderlessFileWithoutReadingItsFirstLineAgain() throws Exception {
    Path file = write(dir, "plain.csv", "1,Ann\n2,Bob\n3,Cy\n");
    List<SourceItem<Record>> all = readAll(CsvSource.file(file).header(false).build());

    List<SourceItem<Record>> rest = readAll(CsvSource.file(file).header(false).build(), all.get(0).position());

    assertThat(values(rest)).containsExactly(
        Record.of("column1", "2", "column2", "Bob"), Record.of("column1", "3", "column2", "Cy"));
  }

  @Test
  void reportsBytesReadAgainstTheFileSize() throws Exception {
    Path file = write(dir, "size.csv", "id,name\n1,Ann\n2,Bob\n");
    CsvSource source = CsvSource.file(file).build();

    readAll(source);

    assertThat(source.totalBytes()).isEqualTo(Files.size(file));
    assertThat(source.bytesRead()).isEqualTo(Files.size(file));
    assertThat(source.name()).isEqualTo("size.csv");
  }

  @Test
  void rejectsADelimiterThatIsAlsoTheQuote() throws Exception {
    Path file = write(dir, "x.csv", "a\n");

    assertThatThrownBy(() -> CsvSource.file(file).delimiter('"').build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("csv source " + file + ": the delimiter '\"' is also the quote, escape or comment character");
  }
}
