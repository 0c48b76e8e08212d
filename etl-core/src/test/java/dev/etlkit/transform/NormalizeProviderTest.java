package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizeProviderTest {

  private final NormalizeProvider provider = new NormalizeProvider();

  private static PluginConfig config(Map<String, ?> fields) {
    return new PluginConfig("transformations[0]", Map.of("type", "normalize", "fields", fields), Path.of(""));
  }

  @Test
  void buildsEveryOperationFromConfig() throws Exception {
    Transformer<Record, Record> t = provider.create(config(Map.of(
        "name", List.of("trim", "collapseWhitespace", "titleCaseWords"),
        "email", List.of("trim", "lowerCase"),
        "code", List.of("upperCase"),
        "id", "numberToText",
        "age", List.of("integer"),
        "salary", List.of(Map.of("decimal", "$,")),
        "bonus", List.of(Map.of("decimal", Map.of("strip", "€"))),
        "isActive", List.of(Map.of("boolean", Map.of("true", List.of("yes"), "false", List.of("no")))),
        "joinDate", List.of(Map.of("date", List.of("yyyy/MM/dd", "ISO_DATE_TIME"))),
        "at", List.of(Map.of("timestamp", Map.of("zone", "UTC")), "trim"))));
    Record in = Record.of("name", " john  doe ", "email", " J@X.IO", "code", "ab", "id", 42L, "age", "30",
        "salary", "$1,500", "bonus", "€20", "isActive", "YES", "joinDate", "2023/01/15", "at", "2023-01-15T10:00:00");

    assertThat(Collected.one(t, in)).isEqualTo(Record.of("name", "John Doe", "email", "j@x.io", "code", "AB", "id", "42",
        "age", 30L, "salary", new BigDecimal("1500"), "bonus", new BigDecimal("20"), "isActive", true,
        "joinDate", LocalDate.of(2023, 1, 15), "at", Instant.parse("2023-01-15T10:00:00Z")));
  }

  @Test
  void mapsValuesFromConfig() throws Exception {
    Transformer<Record, Record> t = provider.create(config(Map.of("dept", List.of("trim", Map.of("map", Map.of("eng", "Engineering"))))));

    assertThat(Collected.one(t, Record.of("dept", " ENG ")).get("dept")).isEqualTo("Engineering");
  }

  @Test
  void namesAnUnknownOperationAndListsTheKnownOnes() {
    assertThatThrownBy(() -> provider.create(config(Map.of("email", List.of("trim", "lowwer")))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("transformations[0].fields.email[1]: unknown operation 'lowwer'; known: trim, lowerCase, upperCase, "
            + "collapseWhitespace, titleCaseWords, numberToText, integer, decimal, boolean, date, timestamp, map");
  }

  @Test
  void namesABadArgument() {
    assertThatThrownBy(() -> provider.create(config(Map.of("d", List.of(Map.of("date", "yyyy-bb"))))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("transformations[0].fields.d[0]: date: bad date format 'yyyy-bb': ");
    assertThatThrownBy(() -> provider.create(config(Map.of("b", List.of(Map.of("boolean", "yes"))))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("transformations[0].fields.b[0]: boolean: needs {\"true\": [words], \"false\": [words]}");
    assertThatThrownBy(() -> provider.create(config(Map.of("b", List.of()))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("transformations[0].fields.b: needs at least one operation; known: trim,");
  }

  @Test
  void refusesArgumentsAnOperationDoesNotTake() {
    assertProblem(Map.of("trim", true), "trim: takes no argument; write \"trim\"");
    assertProblem(Map.of("decimal", Map.of("strp", "$")), "decimal: needs the characters to strip, as text or {\"strip\": text}, was {strp=$}");
    assertProblem(Map.of("decimal", 5), "decimal: needs the characters to strip as text, was 5");
    assertProblem(Map.of("date", 42), "date: needs a format or a list of formats, was 42");
    assertProblem(Map.of("date", List.of("yyyy-MM-dd", 42)), "date: formats must be a list of text, was [yyyy-MM-dd, 42]");
    assertProblem(Map.of("timestamp", Map.of("zon", "UTC")), "timestamp: needs a zone id, as text or {\"zone\": text}, was {zon=UTC}");
    assertProblem(Map.of("boolean", Map.of("true", List.of("y"), "false", List.of("n"), "maybe", List.of("m"))),
        "boolean: needs {\"true\": [words], \"false\": [words]}");
    assertProblem(Map.of("boolean", Map.of("true", List.of(1), "false", List.of("n"))), "boolean: true must be a list of text, was [1]");
  }

  private void assertProblem(Map<String, ?> op, String message) {
    assertThatThrownBy(() -> provider.create(config(Map.of("f", List.of(op)))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("transformations[0].fields.f[0]: " + message);
  }

  @Test
  void declaresItsOptions() {
    assertThat(provider.type()).isEqualTo("normalize");
    assertThat(provider.options()).extracting(o -> o.name()).containsExactly("fields");
  }
}
