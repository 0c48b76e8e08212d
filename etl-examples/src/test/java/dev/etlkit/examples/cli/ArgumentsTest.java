package dev.etlkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  @Test
  void readsEveryOptionWithItsValueAfterAnEqualsSignOrAsTheNextArgument() throws Exception {
    Arguments a = Arguments.parse(new String[] {"--config=etl.json", "--dry-run", "--resume", "etl-1-abcd", "--report=out/r.json"});

    assertThat(a).isEqualTo(new Arguments(Path.of("etl.json"), true, "etl-1-abcd", Path.of("out/r.json"), false, false));
  }

  @Test
  void needsNoConfigForHelpOrVersion() throws Exception {
    assertThat(Arguments.parse(new String[] {"-h"}).help()).isTrue();
    assertThat(Arguments.parse(new String[] {"--version"}).version()).isTrue();
    assertThat(Arguments.parse(new String[] {"-hV"})).extracting(Arguments::help, Arguments::version).containsExactly(true, true);
  }

  @Test
  void refusesBadUsageWithOneLineThatSaysWhat() {
    assertThatThrownBy(() -> Arguments.parse(new String[] {}))
        .hasMessage("Missing required option: '--config=FILE'");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--config=a.json", "--colour"}))
        .hasMessage("Unknown option: '--colour'");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--config=a.json", "--config=b.json"}))
        .hasMessage("option '--config' (FILE) should be specified only once");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--config=a.json", "--report"}))
        .hasMessage("Missing required parameter for option '--report' (FILE)");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--config=a.json", "--resume", "--dry-run"}))
        .hasMessage("Missing required parameter for option '--resume' (RUN_ID)");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--config="}))
        .hasMessage("option '--config' needs a value (FILE)");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--config=a.json", "--dry-run=yes"}))
        .hasMessage("option '--dry-run' takes no value, was '--dry-run=yes'");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"a.json"}))
        .hasMessage("Unexpected argument: 'a.json'; the config is given as --config=a.json");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--config=a\0.json"}))
        .hasMessageStartingWith("option '--config': not a file name: ");
  }
}
