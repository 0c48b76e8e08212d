package dev.etlkit.transform;

import dev.etlkit.internal.BeanRecords;
import dev.etlkit.internal.WhiteSpace;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.TransformContext;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks records by mapping them to a bean with Jackson and validating it with Hibernate Validator;
 * see {@link Validate#beans(Class)}. Values are type-checked before mapping, so that a value of the
 * wrong type is reported like any other violation instead of stopping at the first mapping error.
 */
final class BeanValidation implements Transformer<Record, Record> {

  private static final ObjectMapper MAPPER = BeanRecords.MAPPER;

  private final String name;
  private final JavaType type;
  private final String[] fields;
  private final @Nullable ValueType[] types;
  private final Map<String, Integer> indexByProperty = new HashMap<>();
  private final KnownFields known;
  private volatile Validator validator;

  BeanValidation(Class<?> beanClass, String name) {
    this.name = name;
    this.type = MAPPER.constructType(beanClass);
    BeanDescription description = MAPPER.getDeserializationConfig().introspect(type);
    List<BeanPropertyDefinition> properties = description.findProperties();
    if (properties.isEmpty()) {
      throw new IllegalArgumentException(beanClass.getName() + " has no properties to map records to");
    }
    fields = new String[properties.size()];
    types = new ValueType[properties.size()];
    for (int i = 0; i < fields.length; i++) {
      BeanPropertyDefinition p = properties.get(i);
      fields[i] = p.getName();
      types[i] = ValueType.forJavaType(p.getRawPrimaryType());
      indexByProperty.put(p.getInternalName(), i);
      indexByProperty.putIfAbsent(p.getName(), i);
    }
    known = new KnownFields(List.of(fields));
    validator = HibernateValidation.validator(Clock.systemDefaultZone());
  }

  @Override
  public void open(TransformContext context) {
    validator = HibernateValidation.validator(context.clock());
  }

  @Override
  public void transform(Record record, Emitter<Record> out) {
    List<Violation> violations = new ArrayList<>(0);
    boolean[] settled = new boolean[fields.length];
    Map<String, Object> values = new LinkedHashMap<>(fields.length * 2);
    for (int i = 0; i < fields.length; i++) {
      Object value = record.get(fields[i]);
      if (value == null || value instanceof String s && WhiteSpace.isBlank(s)) {
        continue; // blank text counts as missing, as in the declarative rules
      }
      ValueType t = types[i];
      if (t != null && !t.accepts(value)) {
        violations.add(Violations.wrongType(fields[i], t, value));
        settled[i] = true;
      } else {
        values.put(fields[i], value);
      }
    }
    Object bean = null;
    while (bean == null) {
      try {
        bean = MAPPER.convertValue(values, type);
      } catch (IllegalArgumentException e) {
        // the property Jackson cannot read is one violation; the others are still checked without it
        Violation unreadable = Violations.unmappable(e, values);
        violations.add(unreadable);
        Integer index = indexByProperty.get(unreadable.field());
        if (index == null || values.remove(fields[index]) == null) {
          throw Violations.reject(sorted(violations));
        }
        settled[index] = true;
      }
    }
    for (ConstraintViolation<Object> cv : validator.validate(bean)) {
      String property = firstNode(cv.getPropertyPath());
      Integer index = indexByProperty.get(property);
      if (index != null && settled[index]) {
        continue;
      }
      String rule = ConstraintRules.code(cv.getConstraintDescriptor().getAnnotation().annotationType());
      String message = ConstraintRules.message(cv);
      if (!rule.equals("required")) {
        message = Violations.withValue(message, cv.getInvalidValue());
      }
      violations.add(new Violation(index == null ? property : fields[index], rule, message));
    }
    if (!violations.isEmpty()) {
      throw Violations.reject(sorted(violations));
    }
    out.emit(known.keepOnly(record));
  }

  /** In field order; a field that is missing keeps only its "required" violation. */
  private List<Violation> sorted(List<Violation> violations) {
    violations.sort(Comparator.comparingInt((Violation v) -> indexOf(v.field()))
        .thenComparing(v -> !v.rule().equals("required"))
        .thenComparing(Violation::rule)
        .thenComparing(Violation::message));
    List<Violation> out = new ArrayList<>(violations.size());
    String missing = null;
    for (Violation v : violations) {
      if (v.field().equals(missing)) {
        continue;
      }
      if (v.rule().equals("required")) {
        missing = v.field();
      }
      out.add(v);
    }
    return out;
  }

  private int indexOf(String field) {
    Integer i = indexByProperty.get(field);
    return i == null ? fields.length : i;
  }

  private static String firstNode(Path path) {
    Iterator<Path.Node> nodes = path.iterator();
    String n = nodes.hasNext() ? nodes.next().getName() : null;
    return n == null ? "" : n;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String definition() {
    return name + " bean " + type.getRawClass().getName();
  }
}
