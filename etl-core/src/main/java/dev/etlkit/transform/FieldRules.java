package dev.etlkit.transform;

import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Declarative validation of records without a Java class: each {@link #field(String)} call starts a
 * field, and the calls after it add rules to that field. Every broken rule of a record is reported
 * (a missing or mistyped value once, without the rules that cannot apply to it), and the record is
 * rejected with a {@link dev.etlkit.api.RecordException} whose message joins {@code field: message}
 * with {@code "; "}.
 *
 * <pre>{@code
 * Transformer<Record, Record> validate = Validate.fields()
 *     .field("id").required().type(ValueType.STRING)
 *     .field("age").required().type(ValueType.INTEGER).min(16).max(100)
 *     .field("salary").required().greaterThan(0).max(1_000_000)
 *     .field("email").required().email()
 *     .dropUnknown()
 *     .build();
 * }</pre>
 *
 * <p>A rule implies the type it needs when the field declares none ({@code min} a number,
 * {@code length} text, {@code notInFuture} a date). Text that is empty or only white space counts as
 * missing. The rules run as plain Java, without Bean Validation: Bean Validation checks classes, and
 * these records have none.
 */
public final class FieldRules {

  private final Map<String, Spec> fields = new LinkedHashMap<>();
  private @Nullable Spec current;
  private boolean dropUnknown;
  private String name = "validate";

  FieldRules() {
  }

  /** Starts (or goes back to) the rules of {@code field}. */
  public FieldRules field(String field) {
    Objects.requireNonNull(field, "field");
    current = fields.computeIfAbsent(field, Spec::new);
    return this;
  }

  /** The field must be present, not null and, for text, not blank. */
  public FieldRules required() {
    spec().required = true;
    return this;
  }

  /** The field's value, when present, must be of {@code type}. */
  public FieldRules type(ValueType type) {
    spec().type = Objects.requireNonNull(type, "type");
    return this;
  }

  /** A number of at least {@code min}. */
  public FieldRules min(Number min) {
    Spec s = spec();
    s.min = decimal(min, "min");
    s.minInclusive = true;
    return this;
  }

  /** A number greater than {@code bound}. */
  public FieldRules greaterThan(Number bound) {
    Spec s = spec();
    s.min = decimal(bound, "bound");
    s.minInclusive = false;
    return this;
  }

  /** A number of at most {@code max}. */
  public FieldRules max(Number max) {
    Spec s = spec();
    s.max = decimal(max, "max");
    s.maxInclusive = true;
    return this;
  }

  /** A number less than {@code bound}. */
  public FieldRules lessThan(Number bound) {
    Spec s = spec();
    s.max = decimal(bound, "bound");
    s.maxInclusive = false;
    return this;
  }

  /** Text of {@code min} to {@code max} characters (code points); use {@code Integer.MAX_VALUE} for no upper bound. */
  public FieldRules length(int min, int max) {
    return rule(new LengthRule(min, max));
  }

  /** Text that matches {@code regex} as a whole. */
  public FieldRules pattern(String regex) {
    return rule(new PatternRule(regex));
  }

  /** Text that is exactly one of {@code allowed}. */
  public FieldRules oneOf(String... allowed) {
    return rule(new OneOfRule(List.of(allowed)));
  }

  /** Text that is one of {@code allowed}. */
  public FieldRules oneOf(List<String> allowed) {
    return rule(new OneOfRule(allowed));
  }

  /** An email address {@code local@domain.tld}: no white space, a top-level domain of two letters or more. */
  public FieldRules email() {
    return rule(new EmailRule());
  }

  /** A date not after today, in the zone of the run's clock. */
  public FieldRules notInFuture() {
    return rule(new NotInFutureRule());
  }

  /** Passes on only the declared fields, in the order they were declared, as the seed's {@code stripUnknown}. */
  public FieldRules dropUnknown() {
    dropUnknown = true;
    return this;
  }

  /** The step's name in messages and reports (default "validate"). */
  public FieldRules name(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    this.name = name;
    return this;
  }

  /** The transformer; thread-safe. */
  public Transformer<Record, Record> build() {
    List<FieldCheck> checks = new ArrayList<>(fields.size());
    for (Spec s : fields.values()) {
      checks.add(s.toCheck());
    }
    return new RuleValidation(name, checks, dropUnknown);
  }

  private FieldRules rule(Rule rule) {
    spec().rules.add(rule);
    return this;
  }

  private Spec spec() {
    if (current == null) {
      throw new IllegalStateException("call field(name) before adding rules");
    }
    return current;
  }

  private static BigDecimal decimal(Number n, String what) {
    BigDecimal d = Numbers.decimal(n instanceof Integer || n instanceof Short || n instanceof Byte ? n.longValue() : n);
    if (d == null) {
      throw new IllegalArgumentException(what + " must be a finite number, was " + n);
    }
    return d;
  }

  /** What has been said about one field so far. */
  private static final class Spec {
    final String field;
    final List<Rule> rules = new ArrayList<>();
    boolean required;
    @Nullable ValueType type;
    @Nullable BigDecimal min;
    @Nullable BigDecimal max;
    boolean minInclusive;
    boolean maxInclusive;

    Spec(String field) {
      this.field = field;
    }

    FieldCheck toCheck() {
      List<Rule> all = new ArrayList<>();
      if (min != null || max != null) {
        all.add(new RangeRule(min, minInclusive, max, maxInclusive));
      }
      all.addAll(rules);
      ValueType t = type;
      for (Rule r : all) {
        if (t == null) {
          t = r.type();
        } else if (!fits(t, r.type())) {
          throw new IllegalArgumentException("field '" + field + "' is " + t.description()
              + " but has a rule for " + r.type().description());
        }
      }
      return new FieldCheck(field, required, t, all);
    }

    private static boolean fits(ValueType declared, ValueType needed) {
      return declared == needed || needed == ValueType.DECIMAL && declared == ValueType.INTEGER;
    }
  }
}
