package dev.etlkit.transform;

import dev.etlkit.api.PluginConfig;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
    @Nullable Object arg;
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

  private static FieldOp op(String name, @Nullable Object arg) {
    return switch (name) {
      case "trim" -> noArgument(name, arg, FieldOp.trim());
      case "lowerCase" -> noArgument(name, arg, FieldOp.lowerCase());
      case "upperCase" -> noArgument(name, arg, FieldOp.upperCase());
      case "collapseWhitespace" -> noArgument(name, arg, FieldOp.collapseWhitespace());
      case "titleCaseWords" -> noArgument(name, arg, FieldOp.titleCaseWords());
      case "numberToText" -> noArgument(name, arg, FieldOp.numberToText());
      case "integer" -> noArgument(name, arg, FieldOp.parseInteger());
      case "decimal" -> FieldOp.parseDecimal(arg == null ? "" : text(arg, "strip", "the characters to strip"));
      case "boolean" -> arg == null ? FieldOp.parseBoolean(TRUE_WORDS, FALSE_WORDS) : booleanWords(arg);
      case "date" -> FieldOp.parseDate(arg == null ? List.of("ISO_LOCAL_DATE") : formats(arg));
      case "timestamp" -> FieldOp.parseTimestamp(arg == null ? ZoneOffset.UTC : ZoneId.of(text(arg, "zone", "a zone id")));
      case "map" -> FieldOp.mapValues(table(arg));
      default -> throw new IllegalStateException("no operation " + name);
    };
  }

  private static FieldOp noArgument(String name, @Nullable Object arg, FieldOp op) {
    if (arg != null) {
      throw new IllegalArgumentException("takes no argument; write \"" + name + "\"");
    }
    return op;
  }

  /** A text argument, given alone ({@code "$,"}) or as the one key of an object ({@code {"strip": "$,"}}). */
  private static String text(Object arg, String key, String what) {
    Object value = arg;
    if (arg instanceof Map<?, ?> m) {
      if (m.size() != 1 || !m.containsKey(key)) {
        throw new IllegalArgumentException("needs " + what + ", as text or {\"" + key + "\": text}, was " + arg);
      }
      value = m.get(key);
    }
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("needs " + what + " as text, was " + value);
    }
    return s;
  }

  private static FieldOp booleanWords(Object arg) {
    if (!(arg instanceof Map<?, ?> m) || m.size() != 2 || !(m.get("true") instanceof List<?> t)
        || !(m.get("false") instanceof List<?> f)) {
      throw new IllegalArgumentException("needs {\"true\": [words], \"false\": [words]}");
    }
    return FieldOp.parseBoolean(strings(t, "true"), strings(f, "false"));
  }

  private static List<String> formats(Object arg) {
    if (arg instanceof String s) {
      return List.of(s);
    }
    if (arg instanceof List<?> l) {
      return strings(l, "formats");
    }
    throw new IllegalArgumentException("needs a format or a list of formats, was " + arg);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> table(@Nullable Object arg) {
    if (!(arg instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("needs an object of text to replacement");
    }
    return (Map<String, ?>) arg;
  }

  private static List<String> strings(List<?> list, String what) {
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String s)) {
        throw new IllegalArgumentException(what + " must be a list of text, was " + list);
      }
      out.add(s);
    }
    return out;
  }
}
