package dev.etlkit.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Transformer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidateProviderTest {

  private final ValidateProvider provider = new ValidateProvider();

  private static PluginConfig config(Map<String, ?> options) {
    return new PluginConfig("transformations[1]", options, Path.of(""));
  }

  @Test
  void buildsEveryRuleFromConfig() throws Exception {
    Transformer<Record, Record> t = provider.create(config(Map.of("dropUnknown", true, "fields", ordered(
        "id", Map.of("required", true, "type", "string", "minLength", 1, "maxLength", 5, "pattern", "\\d+"),
        "age", Map.of("type", "integer", "min", 16, "max", 100),
        "salary", Map.of("exclusiveMin", 0, "exclusiveMax", 10.5),
        "dept", Map.of("oneOf", List.of("HR", "Sales")),
        "email", Map.of("email", true),
        "joined", Map.of("notInFuture", true)))));
    t.open(Collected.context(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC)));

    Record ok = Record.of("id", "12", "age", 16L, "salary", new BigDecimal("10.4"), "dept", "HR", "email", "a@b.io",
        "joined", LocalDate.of(2025, 1, 1), "extra", 1L);
    assertThat(Collected.one(t, ok)).isEqualTo(ok.without("extra"));

    Record bad = Record.of("id", "123456", "age", 15L, "salary", new BigDecimal("10.5"), "dept", "IT", "email", "a@b",
        "joined", LocalDate.of(2025, 1, 2));
    assertThatThrownBy(() -> t.transform(bad, new Collected()))
        .isInstanceOf(RecordException.class)
        .hasMessage("id: must be 1 to 5 characters long, was \"123456\"; age: must be between 16 and 100, was 15; "
            + "salary: must be greater than 0 and less than 10.5, was 10.5; dept: must be one of HR, Sales, was \"IT\"; "
            + "email: must be an email address like name@example.com, was \"a@b\"; "
            + "joined: must not be in the future, was 2025-01-02");
  }

  /** A map in the given order, as JSON config gives. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void buildsBeanValidationFromAClassName() throws Exception {
    Transformer<Record, Record> t = provider.create(config(Map.of("class", BeanValidationTest.Person.class.getName())));

    assertThatThrownBy(() -> t.transform(Record.of("id", "1"), new Collected()))
        .isInstanceOf(RecordException.class)
        .hasMessage("name: must not be blank; isActive: must not be null");
  }

  @Test
  void namesAnUnknownClass() {
    assertThatThrownBy(() -> provider.create(config(Map.of("class", "com.example.Nope"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("transformations[1].class: no class com.example.Nope on the class path");
  }

  @Test
  void wantsEitherFieldsOrAClass() {
    assertThatThrownBy(() -> provider.create(config(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("transformations[1].fields: give either fields or class");
  }

  @Test
  void namesAnUnknownRuleAndListsTheKnownOnes() {
    assertThatThrownBy(() -> provider.create(config(Map.of("fields", Map.of("age", Map.of("minimum", 3))))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("transformations[1].fields.age.minimum: unknown rule; known: required, type, min, max, exclusiveMin, "
            + "exclusiveMax, minLength, maxLength, pattern, oneOf, email, notInFuture");
  }

  @Test
  void namesAnUnknownType() {
    assertThatThrownBy(() -> provider.create(config(Map.of("fields", Map.of("age", Map.of("type", "int"))))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("transformations[1].fields.age.type: unknown type 'int'; known: string, integer, decimal, boolean, "
            + "date, timestamp, list, object");
  }

  @Test
  void namesRulesThatContradictTheType() {
    assertThatThrownBy(() -> provider.create(config(Map.of("fields", Map.of("age", Map.of("type", "integer", "email", true))))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("transformations[1].fields: field 'age' is an integer but has a rule for text");
  }
}
