package dev.etlkit.config;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small profile for tests: trims names, rejects blank ones, marks records, drops repeated ids. */
final class NamesProfile implements Profile {

  @Override
  public String name() {
    return "names";
  }

  @Override
  public List<Transformer<Record, Record>> transformers(Switches on) {
    List<Transformer<Record, Record>> steps = new ArrayList<>();
    if (on.normalization()) {
      steps.add(Transformer.map("normalize", (Record r) -> r.with("name", r.getString("name").strip())));
    }
    if (on.validation()) {
      steps.add(Transformer.map("validate", (Record r) -> {
        if (r.getString("name").isBlank()) {
          throw new RecordException("name: required", List.of(Violation.of("name", "required")));
        }
        return r;
      }));
    }
    if (on.enrichment()) {
      steps.add(Transformer.map("enrich", (Record r) -> r.with("seen", true)));
    }
    if (on.deduplication()) {
      steps.add(new Transformer<Record, Record>() {
        private final Set<String> ids = new HashSet<>();

        @Override
        public void transform(Record r, Emitter<Record> out) {
          if (ids.add(r.getString("id"))) {
            out.emit(r);
          } else {
            out.duplicate();
          }
        }

        @Override
        public boolean ordered() {
          return true;
        }

        @Override
        public String name() {
          return "deduplicate";
        }
      });
    }
    return steps;
  }

  @Override
  public Map<String, Object> outputDefaults(String type) {
    return type.equals("memory") ? Map.of("columns", List.of("id", "name")) : Map.of();
  }
}
