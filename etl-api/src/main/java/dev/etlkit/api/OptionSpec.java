package dev.etlkit.api;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One option a plugin accepts in config: its name, type, whether it is required, its default and a
 * one-line description. The registry checks a config against a provider's options before any data
 * moves, and reports every unknown, missing or mistyped option at once.
 *
 * <p>The default is documentation (for listings and help): the registry does not fill it in, so the
 * plugin applies it itself, with the same value, through {@link PluginConfig}'s getters
 * ({@code config.longValue("count", 100)}).
 */
public record OptionSpec(String name, Type type, boolean required, @Nullable Object defaultValue, String description) {

  /** The JSON shape an option's value must have. */
  public enum Type {
    STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY, DURATION;

    /** Whether {@code value} (as parsed from JSON) fits this type. */
    public boolean accepts(Object value) {
      return switch (this) {
        case STRING -> !(value instanceof java.util.Map) && !(value instanceof java.util.List);
        case INTEGER -> value instanceof Number n ? n.doubleValue() == Math.rint(n.doubleValue())
            : value instanceof String s && s.trim().matches("-?\\d+");
        case NUMBER -> value instanceof Number || value instanceof String s && isNumber(s);
        case BOOLEAN -> value instanceof Boolean || value instanceof String s
            && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"));
        case OBJECT -> value instanceof java.util.Map;
        case ARRAY -> value instanceof java.util.List;
        case DURATION -> !(value instanceof java.util.Map) && !(value instanceof java.util.List)
            && !(value instanceof Boolean) && PluginConfig.parseDuration(value) != null;
      };
    }

    private static boolean isNumber(String s) {
      try {
        Double.parseDouble(s.trim());
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    /** How the type reads in an error: "a string", "an object". */
    public String article() {
      String n = name().toLowerCase(Locale.ROOT);
      return (n.startsWith("a") || n.startsWith("o") || n.startsWith("i") ? "an " : "a ") + n;
    }
  }

  /** A required option. */
  public static OptionSpec required(String name, Type type, String description) {
    return new OptionSpec(name, type, true, null, description);
  }

  /** An optional option with its default (null when there is none). */
  public static OptionSpec optional(String name, Type type, @Nullable Object defaultValue, String description) {
    return new OptionSpec(name, type, false, defaultValue, description);
  }
}
