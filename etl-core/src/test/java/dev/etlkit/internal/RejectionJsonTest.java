package dev.etlkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.RejectedRecord;
import dev.etlkit.api.Origin;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.Violation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectionJsonTest {

  @Test
  void readsBackWhatItWrote() {
    Record raw = Record.of("id", "7", "age", 41L, "salary", new BigDecimal("1.50"), "joined", LocalDate.of(2024, 2, 29),
        "tags", List.of("a", "\"quoted\""), "meta", Map.of("k", true), "missing", null);
    RejectedRecord fromCsv = new RejectedRecord(new Origin("people.csv", Position.at("line", 12, "offset", 345L)), "validate",
        "age: must be at most 40; id: bad", List.of(new Violation("age", "max", "must be at most 40"),
            new Violation("id", "pattern", "bad")), raw);
    RejectedRecord fromText = new RejectedRecord(new Origin("feed", Position.at("item", 1)), "json", "not JSON: {", List.of(),
        "{ünïcode\n");

    byte[] json = RejectionJson.write(List.of(fromCsv, fromText));
    List<RejectedRecord> back = RejectionJson.read(json);

    assertThat(back).hasSize(2);
    assertThat(back.get(0).origin()).isEqualTo(fromCsv.origin());
    assertThat(back.get(0).step()).isEqualTo("validate");
    assertThat(back.get(0).message()).isEqualTo(fromCsv.message());
    assertThat(back.get(0).violations()).isEqualTo(fromCsv.violations());
    assertThat(back.get(0).raw()).isInstanceOfSatisfying(Map.class, m -> assertThat(m).containsEntry("id", "7")
        .containsEntry("age", 41L).containsEntry("joined", "2024-02-29").containsEntry("missing", null));
    assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"raw\":{\"id\":\"7\",\"age\":41,\"salary\":1.50,"
        + "\"joined\":\"2024-02-29\",\"tags\":[\"a\",\"\\\"quoted\\\"\"],\"meta\":{\"k\":true},\"missing\":null}");
    assertThat(back.get(1).raw()).isEqualTo("{ünïcode\n");
    assertThat(back.get(1).origin()).isEqualTo(fromText.origin());
  }

  @Test
  void keepsTheJsonTypeOfARawItemThatWasNoObject() {
    List<RejectedRecord> items = new ArrayList<>();
    for (Object raw : List.of(5L, "5", List.of(1L), true)) {
      items.add(new RejectedRecord(new Origin("feed.json", Position.at("item", items.size() + 1)), "read",
          "expected a JSON object", List.of(), raw));
    }

    assertThat(RejectionJson.read(RejectionJson.write(items))).extracting(RejectedRecord::raw)
        .containsExactly(5L, "5", List.of(1L), true);
    assertThat(items).extracting(r -> r.toDeadLetter("run-1").get("record")).containsExactly(5L, "5", List.of(1L), true);
  }
}
