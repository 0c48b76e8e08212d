package dev.etlkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashOutputsTest {

  @TempDir
  Path dir;

  @Test
  void showsTheBytesACrashLeftAsEscapesInsteadOfBlanks() throws Exception {
    Path expected = Files.createDirectories(dir.resolve("expected"));
    Path actual = Files.createDirectories(dir.resolve("actual"));
    Files.writeString(expected.resolve("out.txt"), "a,1\nb,2\n");
    Files.write(actual.resolve("out.txt"), new byte[] {'a', ',', '1', '\n', 0, 0, '\t', '\r', '\n'});

    assertThat(CrashOutputs.differences(expected, actual)).containsExactly(
        "out.txt: line 2 differs first, at byte 4 (8 bytes uninterrupted, 9 resumed): uninterrupted has \"b,2\","
            + " resumed has \"\\x00\\x00\\t\\r\"");
  }
}
