package dev.etlkit.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The options of one plugin from a config file, with typed getters whose errors name the option's
 * path ({@code sources[0].path: required}). Values are what JSON gives: strings, numbers, booleans,
 * lists and maps; {@code ${NAME}} references were already replaced from the environment.
 */
public final class PluginConfig {

  /** A duration's text: a number, then ms, s or m (milliseconds without a unit). */
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

  private final String path;
  private final Map<String, Object> options;
  private final Path baseDir;
  private final UnaryOperator<String> redactor;

  /** The options at {@code path} in the config, relative file paths resolving against {@code baseDir}. */
  public PluginConfig(String path, Map<String, ?> options, Path baseDir) {
    this(path, options, baseDir, UnaryOperator.identity());
  }

  /**
   * The options at {@code path} in the config, relative file paths resolving against {@code baseDir};
   * {@code redactor} masks the config's secrets in a text (see {@link #redact(String)}).
   */
  public PluginConfig(String path, Map<String, ?> options, Path baseDir, UnaryOperator<String> redactor) {
    this.path = Objects.requireNonNull(path, "path");
    this.options = new LinkedHashMap<>(options);
    this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  /** Options from code, with paths relative to the working directory. */
  public static PluginConfig of(Map<String, ?> options) {
    return new PluginConfig("config", options, Path.of(""));
  }

  /** Where these options sit in the config: {@code outputs[1]}. */
  public String path() {
    return path;
  }

  /** The raw options. */
  public Map<String, Object> options() {
    return java.util.Collections.unmodifiableMap(options);
  }

  /** The directory relative paths resolve against. */
  public Path baseDir() {
    return baseDir;
  }

  /** Whether the option is present and not null. */
  public boolean has(String name) {
    return options.get(name) != null;
  }

  /** A required string; a missing or blank value is a {@link ConfigException}. */
  public String requireString(String name) {
    String s = string(name);
    if (s == null || s.isBlank()) {
      throw problem(name, "required");
    }
    return s;
  }

  /** An optional string, or null. Numbers and booleans are given as their text. */
  public @Nullable String string(String name) {
    Object v = options.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      throw problem(name, "must be a string");
    }
    return v.toString();
  }

  /** An optional string with a default. */
  public String string(String name, String fallback) {
    String s = string(name);
    return s == null ? fallback : s;
  }

  /** An optional whole number with a default; one beyond the range of a long is an error, not clamped. */
  public long longValue(String name, long fallback) {
    Object v = options.get(name);
    if (v == null) {
      return fallback;
    }
    String text = v instanceof Number || v instanceof String ? v.toString().trim() : "";
    try {
      return new java.math.BigDecimal(text).longValueExact();
    } catch (NumberFormatException e) {
      throw problem(name, "must be a whole number, was " + describe(v));
    } catch (ArithmeticException e) {
      boolean whole = new java.math.BigDecimal(text).stripTrailingZeros().scale() <= 0;
      throw problem(name, whole ? "is out of range: " + describe(v) : "must be a whole number, was " + describe(v));
    }
  }

  /** An optional int with a default. */
  public int intValue(String name, int fallback) {
    long v = longValue(name, fallback);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw problem(name, "is out of range: " + v);
    }
    return (int) v;
  }

  /** An optional decimal with a default. */
  public double doubleValue(String name, double fallback) {
    Object v = options.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw problem(name, "must be a number, was " + describe(v));
  }

  /** An optional boolean with a default; accepts JSON booleans and the strings true/false. */
  public boolean bool(String name, boolean fallback) {
    Object v = options.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw problem(name, "must be true or false, was " + describe(v));
  }

  /**
   * An optional duration: a number of milliseconds, or text such as {@code "500ms"}, {@code "1.5s"},
   * {@code "2m"} (a number, then ms, s or m; milliseconds when there is no unit, rounded to whole ones).
   */
  public Duration duration(String name, Duration fallback) {
    Object v = options.get(name);
    if (v == null) {
      return fallback;
    }
    Duration d = parseDuration(v);
    if (d == null) {
      throw problem(name, "must be a duration such as 500ms, 30s or 2m, was " + describe(v));
    }
    return d;
  }

  /** The duration {@code value} stands for, or null; what {@link OptionSpec.Type#DURATION} accepts. */
  static @Nullable Duration parseDuration(Object value) {
    if (value instanceof Number n) {
      return Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0 ? Duration.ofMillis(Math.round(n.doubleValue())) : null;
    }
    Matcher m = DURATION.matcher(value.toString().trim().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    double amount = Double.parseDouble(m.group(1));
    double millis = m.group(2) == null || m.group(2).equals("ms") ? amount : m.group(2).equals("s") ? amount * 1_000 : amount * 60_000;
    return millis < Long.MAX_VALUE ? Duration.ofMillis(Math.round(millis)) : null;
  }

  /** An optional map (a JSON object), empty when absent. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String name) {
    Object v = options.get(name);
    if (v == null) {
      return Map.of();
    }
    if (v instanceof Map) {
      return (Map<String, Object>) v;
    }
    throw problem(name, "must be an object, was " + describe(v));
  }

  /** An optional list (a JSON array), empty when absent. */
  @SuppressWarnings("unchecked")
  public List<Object> list(String name) {
    Object v = options.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List) {
      return (List<Object>) v;
    }
    throw problem(name, "must be an array, was " + describe(v));
  }

  /** A nested config for an object option, keeping the path: {@code outputs[0].columns}. */
  public PluginConfig child(String name) {
    return new PluginConfig(path + "." + name, map(name), baseDir, redactor);
  }

  /**
   * {@code text} with the config's secrets masked: the values of environment variables named like a
   * secret ({@code API_KEY}) that the config used, and passwords in its URLs. A plugin passes through it
   * any name or message it makes from an option's value (a URL whose path holds a key), so that the
   * secret reaches no origin, dead letter, checkpoint or log. Unchanged for options from code.
   */
  public String redact(String text) {
    return redactor.apply(text);
  }

  /** A required file path, resolved against the base directory. */
  public Path requirePath(String name) {
    return resolve(requireString(name));
  }

  /** A path resolved against the base directory. */
  public Path resolve(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
  }

  /** A {@link ConfigException} about one option: {@code sources[0].path: required}. */
  public ConfigException problem(String name, String message) {
    return new ConfigException(path + "." + name + ": " + message);
  }

  private static String describe(Object v) {
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  @Override
  public String toString() {
    return path + options.keySet();
  }
}
