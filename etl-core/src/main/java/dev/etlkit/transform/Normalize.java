package dev.etlkit.transform;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Cleans field values with {@link FieldOp}s, field by field. Fields without ops, and records without
 * the field, pass unchanged; a value an op cannot read stays as it was, so that validation reports it
 * with its raw value. Never throws for bad data. Thread-safe.
 *
 * <pre>{@code
 * Transformer<Record, Record> normalize = Normalize.builder()
 *     .field("email", FieldOp.trim(), FieldOp.lowerCase())
 *     .field("age", FieldOp.trim(), FieldOp.parseInteger())
 *     .field("salary", FieldOp.parseDecimal("$,"))
 *     .build();
 * }</pre>
 */
public final class Normalize implements Transformer<Record, Record> {

  private final String name;
  private final Map<String, FieldOp> ops;
  private volatile @Nullable Shape shape;

  private Normalize(String name, Map<String, FieldOp> ops) {
    this.name = name;
    this.ops = new HashMap<>(ops);
  }

  /** A builder for a normalize step named "normalize". */
  public static Builder builder() {
    return new Builder();
  }

  /** Emits the normalized record; {@code record} itself when nothing changed. */
  @Override
  public void transform(Record record, Emitter<Record> out) {
    out.emit(apply(record));
  }

  private Record apply(Record record) {
    int n = record.size();
    Shape fields = shapeOf(record);
    Object[] values = null;
    int changed = 0;
    boolean nested = false;
    for (int i = 0; i < n; i++) {
      FieldOp op = fields.ops[i];
      Object value = record.valueAt(i);
      Object normalized = op == null ? value : op.apply(value);
      if (normalized != value && values == null) {
        values = new Object[n];
        for (int j = 0; j < i; j++) {
          values[j] = record.valueAt(j);
        }
      }
      if (values != null) {
        values[i] = normalized;
        changed += normalized != value ? 1 : 0;
        nested |= normalized instanceof Map || normalized instanceof List;
      }
    }
    if (values == null) {
      return record;
    }
    if (changed > 1 && !nested) {
      // one new record, not a copy per changed field
      return fields.layout.record(values);
    }
    // with() per changed field: a layout would copy every nested map and list again
    Record result = record;
    for (int i = 0; i < n; i++) {
      if (values[i] != record.valueAt(i)) {
        result = result.with(record.nameAt(i), values[i]);
      }
    }
    return result;
  }

  /**
   * The record's field names with their ops and layout. Records of one source share their names, so the
   * last shape is kept for the next record: no map lookup per field.
   */
  private Shape shapeOf(Record record) {
    Shape s = shape;
    if (s == null || !s.fits(record)) {
      String[] names = new String[record.size()];
      FieldOp[] fieldOps = new FieldOp[names.length];
      for (int i = 0; i < names.length; i++) {
        names[i] = record.nameAt(i);
        fieldOps[i] = ops.get(names[i]);
      }
      s = new Shape(names, fieldOps, Record.layout(names));
      shape = s;
    }
    return s;
  }

  /** Field names in order, the op of each (null for none) and the layout made of the names. */
  private record Shape(String[] names, @Nullable FieldOp[] ops, Record.Layout layout) {
    boolean fits(Record record) {
      if (record.size() != names.length) {
        return false;
      }
      for (int i = 0; i < names.length; i++) {
        String name = record.nameAt(i);
        if (name != names[i] && !name.equals(names[i])) {
          return false;
        }
      }
      return true;
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** The name and the fields it normalizes (ops are functions, which have no text to compare). */
  @Override
  public String definition() {
    return name + " " + new java.util.TreeSet<>(ops.keySet());
  }

  @Override
  public String toString() {
    return "Normalize" + ops.keySet();
  }

  /** Collects the ops of each field; ops given for one field run in the order given. */
  public static final class Builder {
    private final Map<String, FieldOp> ops = new LinkedHashMap<>();
    private String name = "normalize";

    private Builder() {
    }

    /** Adds ops for {@code field}, after any it already has. */
    public Builder field(String field, FieldOp... fieldOps) {
      Objects.requireNonNull(field, "field");
      for (FieldOp op : fieldOps) {
        Objects.requireNonNull(op, "op");
        ops.merge(field, op, FieldOp::andThen);
      }
      return this;
    }

    /** The step's name in messages and reports (default "normalize"). */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** The transformer; the builder can go on to make others. */
    public Normalize build() {
      return new Normalize(name, ops);
    }
  }
}
