package dev.etlkit.transform;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.TransformContext;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checks records against declarative {@link FieldCheck}s; see {@link FieldRules}. */
final class RuleValidation implements Transformer<Record, Record> {

  private final String name;
  private final FieldCheck[] checks;
  private final @Nullable KnownFields known;
  private volatile Clock clock = Clock.systemDefaultZone();

  RuleValidation(String name, List<FieldCheck> checks, boolean dropUnknown) {
    this.name = name;
    this.checks = checks.toArray(new FieldCheck[0]);
    this.known = dropUnknown ? new KnownFields(checks.stream().map(FieldCheck::field).toList()) : null;
  }

  @Override
  public void open(TransformContext context) {
    clock = context.clock();
  }

  @Override
  public void transform(Record record, Emitter<Record> out) {
    List<Violation> violations = new ArrayList<>(0);
    Clock now = clock;
    for (FieldCheck check : checks) {
      check.check(record.get(check.field()), now, violations);
    }
    if (!violations.isEmpty()) {
      throw Violations.reject(violations);
    }
    out.emit(known == null ? record : known.keepOnly(record));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String definition() {
    StringBuilder sb = new StringBuilder(name).append(" dropUnknown=").append(known != null);
    for (FieldCheck c : checks) {
      sb.append("; ").append(c.field()).append(c.required() ? " required" : "").append(' ').append(c.type());
      c.rules().forEach(r -> sb.append(", ").append(r.description()));
    }
    return sb.toString();
  }
}
