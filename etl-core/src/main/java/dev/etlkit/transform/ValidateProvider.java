package dev.etlkit.transform;

import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.TransformerProvider;
import java.util.List;
import java.util.Map;

/**
 * The {@code "validate"} transformer from config, with declarative rules or a bean class:
 *
 * <pre>{@code
 * {"type": "validate", "dropUnknown": true, "fields": {
 *    "id":     {"required": true, "type": "string"},
 *    "age":    {"required": true, "type": "integer", "min": 16, "max": 100},
 *    "salary": {"required": true, "exclusiveMin": 0, "max": 1000000},
 *    "email":  {"required": true, "email": true}}}
 * {"type": "validate", "class": "com.example.Employee"}
 * }</pre>
 */
public final class ValidateProvider implements TransformerProvider {

  static final List<String> RULES = List.of("required", "type", "min", "max", "exclusiveMin", "exclusiveMax",
      "minLength", "maxLength", "pattern", "oneOf", "email", "notInFuture");

  @Override
  public String type() {
    return "validate";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(
        OptionSpec.optional("fields", OptionSpec.Type.OBJECT, null,
            "field name -> rules: " + String.join(", ", RULES)),
        OptionSpec.optional("class", OptionSpec.Type.STRING, null,
            "a bean class with Bean Validation annotations, instead of fields"),
        OptionSpec.optional("dropUnknown", OptionSpec.Type.BOOLEAN, false,
            "pass on only the declared fields, in declared order"));
  }

  @Override
  public Transformer<Record, Record> create(PluginConfig config) {
    if (config.has("class") == config.has("fields")) {
      throw config.problem("fields", "give either fields or class");
    }
    if (config.has("class")) {
      String name = config.requireString("class");
      try {
        return Validate.beans(Class.forName(name, true, Thread.currentThread().getContextClassLoader()));
      } catch (ClassNotFoundException e) {
        throw config.problem("class", "no class " + name + " on the class path");
      } catch (IllegalArgumentException e) {
        throw config.problem("class", e.getMessage());
      }
    }
    FieldRules rules = Validate.fields();
    for (Map.Entry<String, Object> e : config.map("fields").entrySet()) {
      PluginConfig field = config.child("fields").child(e.getKey());
      rules.field(e.getKey());
      for (String key : field.options().keySet()) {
        try {
          add(rules, field, key);
        } catch (IllegalArgumentException | IllegalStateException ex) {
          throw field.problem(key, ex.getMessage());
        }
      }
    }
    if (config.bool("dropUnknown", false)) {
      rules.dropUnknown();
    }
    try {
      return rules.build();
    } catch (IllegalArgumentException e) {
      throw config.problem("fields", e.getMessage());
    }
  }

  private static void add(FieldRules rules, PluginConfig field, String key) {
    switch (key) {
      case "required" -> {
        if (field.bool(key, false)) {
          rules.required();
        }
      }
      case "type" -> rules.type(ValueType.named(field.requireString(key)));
      case "min" -> rules.min(number(field, key));
      case "max" -> rules.max(number(field, key));
      case "exclusiveMin" -> rules.greaterThan(number(field, key));
      case "exclusiveMax" -> rules.lessThan(number(field, key));
      case "minLength", "maxLength" -> {
        if (key.equals("minLength") || !field.has("minLength")) {
          rules.length(field.intValue("minLength", 0), field.intValue("maxLength", Integer.MAX_VALUE));
        }
      }
      case "pattern" -> rules.pattern(field.requireString(key));
      case "oneOf" -> rules.oneOf(field.list(key).stream().map(String::valueOf).toList());
      case "email" -> {
        if (field.bool(key, false)) {
          rules.email();
        }
      }
      case "notInFuture" -> {
        if (field.bool(key, false)) {
          rules.notInFuture();
        }
      }
      default -> throw new IllegalArgumentException("unknown rule; known: " + String.join(", ", RULES));
    }
  }

  private static Number number(PluginConfig field, String key) {
    Object raw = field.options().get(key);
    if (raw instanceof Number n) {
      return n;
    }
    double d = field.doubleValue(key, 0);
    return d == Math.rint(d) ? (Number) (long) d : (Number) d;
  }
}
