package dev.etlkit.sources.csv;

import static dev.etlkit.sources.csv.CsvFiles.readAll;
import static dev.etlkit.sources.csv.CsvFiles.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Record;
import dev.etlkit.api.SourceItem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte offsets stay exact across the reader's chunk boundaries, whatever the characters cost in bytes:
 * a file of a few hundred kilobytes with multi-byte characters and multi-line values, checked record
 * by record against offsets computed independently.
 */
class CsvOffsetsTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "UTF-16LE", "windows-1252"})
  void givesEveryRecordTheExactByteOffsetAfterIt(String charsetName) throws Exception {
    Charset charset = Charset.forName(charsetName);
    boolean unicode = !charsetName.equals("windows-1252");
    List<String> lines = new ArrayList<>();
    lines.add("id,name,note\r\n");
    for (int i = 0; i < 6_000; i++) {
      String name = unicode && i % 3 == 0 ? "Zoë 日本 🎉" + i : "Zoe " + i;
      String note = i % 7 == 0 ? "\"multi\nline, \"\"quoted\"\"\"" : "plain" + "é".repeat(i % 5);
      lines.add(i + "," + name + "," + note + (i % 2 == 0 ? "\r\n" : "\n"));
    }
    Path file = dir.resolve("big.csv");
    Files.write(file, String.join("", lines).getBytes(charset));

    List<SourceItem<Record>> items = readAll(CsvSource.file(file).charset(charset).build());

    assertThat(values(items)).hasSize(6_000);
    long expected = lines.get(0).getBytes(charset).length;
    for (int i = 0; i < items.size(); i++) {
      expected += lines.get(i + 1).getBytes(charset).length;
      assertThat(items.get(i).position().getLong("offset", -1)).as("offset after record %d", i).isEqualTo(expected);
    }
    List<SourceItem<Record>> rest = readAll(CsvSource.file(file).charset(charset).build(), items.get(4_321).position());
    assertThat(values(rest)).containsExactlyElementsOf(values(items).subList(4_322, 6_000));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void resumesCorrectlyWhenAByteOrderMarkPrecedesTheHeader(int record) throws Exception {
    Path file = dir.resolve("bom.csv");
    Files.write(file, "\uFEFFid,name\n1,Zoë\n2,日本\n3,Åsa\n".getBytes(StandardCharsets.UTF_8));
    List<SourceItem<Record>> all = readAll(CsvSource.file(file).build());

    List<SourceItem<Record>> rest = readAll(CsvSource.file(file).build(), all.get(record - 1).position());

    assertThat(values(rest)).containsExactlyElementsOf(values(all).subList(record, 3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16", "UTF-32"})
  void resumesALittleEndianFileWhoseMarkIsOnlyAtItsStart(String charsetName) throws Exception {
    Charset littleEndian = Charset.forName(charsetName + "LE");
    byte[] mark = charsetName.equals("UTF-16") ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0};
    byte[] text = "1,Zoë\n2,日本\n3,Åsa\n".getBytes(littleEndian);
    byte[] content = new byte[mark.length + text.length];
    System.arraycopy(mark, 0, content, 0, mark.length);
    System.arraycopy(text, 0, content, mark.length, text.length);
    Path file = dir.resolve("le.csv");
    Files.write(file, content);
    Charset declared = Charset.forName(charsetName);
    List<SourceItem<Record>> all = readAll(CsvSource.file(file).charset(declared).header(false).build());

    List<SourceItem<Record>> rest = readAll(CsvSource.file(file).charset(declared).header(false).build(), all.get(0).position());

    assertThat(values(all)).extracting(r -> r.get("column2")).containsExactly("Zoë", "日本", "Åsa");
    assertThat(values(rest)).extracting(r -> r.get("column2")).containsExactly("日本", "Åsa");
  }
}
