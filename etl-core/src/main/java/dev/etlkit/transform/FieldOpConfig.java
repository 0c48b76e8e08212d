package dev.etlkit.transform;

import dev.etlkit.api.PluginConfig;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the field ops of a normalize step from config: each field maps to a list of ops, an op being
 * a name ({@code "trim"}) or an object of one name and its argument ({@code {"decimal": "$,"}}).
 */
final class FieldOpConfig {

  static final List<String> NAMES = List.of("trim", "lowerCase", "upperCase", "collapseWhitespace",
      "titleCaseWords", "numberToText", "integer", "decimal", "boolean", "date", "timestamp", "map");

  private static final List<String> TRUE_WORDS = List.of("true", "1", "yes");
  private static final List<String> FALSE_WORDS = List.of("false", "0", "no");

  private FieldOpConfig() {
  }

  /** The ops of one field, chained; {@code where} names the option for errors ({@code fields.email}). */
  static FieldOp parse(PluginConfig config, String where, Object specs) {
    List<?> list = specs instanceof List<?> l ? l : List.of(specs);
    if (list.isEmpty()) {
      throw config.problem(where, "needs at least one operation; known: " + String.join(", ", NAMES));
    }
    FieldOp chain = null;
    for (int i = 0; i < list.size(); i++) {
      FieldOp op = one(config, where + "[" + i + "]", list.get(i));
      chain = chain == null ? op : chain.andThen(op);
    }
    return chain;
  }

  private static FieldOp one(PluginConfig config, String where, Object spec) {
    String name;
    Object arg;
    if (spec instanceof String s) {
      name = s;
      arg = null;
    } else if (spec instanceof Map<?, ?> m && m.size() == 1) {
      Map.Entry<?, ?> e = m.entrySet().iterator().next();
      name = String.valueOf(e.getKey());
      arg = e.getValue();
    } else {
      throw config.problem(where, "must be an operation name or an object with one operation, was " + spec);
    }
    if (!NAMES.contains(name)) {
      throw config.problem(where, "unknown operation '" + name + "'; known: " + String.join(", ", NAMES));
    }
    try {
      return op(name, arg);
    } catch (IllegalArgumentException | ClassCastException | DateTimeException e) {
      throw config.problem(where, name + ": " + e.getMessage());
    }
  }

  private static FieldOp op(String name, Object arg) {
    return switch (name) {
      case "trim" -> FieldOp.trim();
      case "lowerCase" -> FieldOp.lowerCase();
      case "upperCase" -> FieldOp.upperCase();
      case "collapseWhitespace" -> FieldOp.collapseWhitespace();
      case "titleCaseWords" -> FieldOp.titleCaseWords();
      case "numberToText" -> FieldOp.numberToText();
      case "integer" -> FieldOp.parseInteger();
      case "decimal" -> FieldOp.parseDecimal(arg == null ? "" : decimalStrip(arg));
      case "boolean" -> arg == null ? FieldOp.parseBoolean(TRUE_WORDS, FALSE_WORDS)
          : FieldOp.parseBoolean(words(arg, "true"), words(arg, "false"));
      case "date" -> FieldOp.parseDate(arg == null ? List.of("ISO_LOCAL_DATE") : strings(arg));
      case "timestamp" -> FieldOp.parseTimestamp(arg == null ? ZoneOffset.UTC : zone(arg));
      case "map" -> FieldOp.mapValues(table(arg));
      default -> throw new IllegalStateException("no operation " + name);
    };
  }

  private static String decimalStrip(Object arg) {
    if (arg instanceof Map<?, ?> m) {
      Object strip = m.get("strip");
      return strip == null ? "" : strip.toString();
    }
    return arg.toString();
  }

  private static List<String> words(Object arg, String key) {
    if (!(arg instanceof Map<?, ?> m) || !(m.get(key) instanceof List<?>)) {
      throw new IllegalArgumentException("needs {\"true\": [words], \"false\": [words]}");
    }
    return strings(m.get(key));
  }

  private static ZoneId zone(Object arg) {
    Object zone = arg instanceof Map<?, ?> m ? m.get("zone") : arg;
    return ZoneId.of(String.valueOf(zone));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> table(Object arg) {
    if (!(arg instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("needs an object of text to replacement");
    }
    return (Map<String, ?>) arg;
  }

  private static List<String> strings(Object arg) {
    List<String> out = new ArrayList<>();
    for (Object o : arg instanceof List<?> l ? l : List.of(arg)) {
      out.add(String.valueOf(o));
    }
    return out;
  }
}
