package dev.etlkit.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The options of one plugin from a config file, with typed getters whose errors name the option's
 * path ({@code sources[0].path: required}). Values are what JSON gives: strings, numbers, booleans,
 * lists and maps; {@code ${NAME}} references were already replaced from the environment.
 */
public final class PluginConfig {

  private final String path;
  private final Map<String, Object> options;
  private final Path baseDir;

  /** The options at {@code path} in the config, relative file paths resolving against {@code baseDir}. */
  public PluginConfig(String path, Map<String, ?> options, Path baseDir) {
    this.path = Objects.requireNonNull(path, "path");
    this.options = new LinkedHashMap<>(options);
    this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
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

  /** An optional whole number with a default. */
  public long longValue(String name, long fallback) {
    Object v = options.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw problem(name, "must be a whole number, was " + describe(v));
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

  /** An optional duration: a number of milliseconds, or text such as {@code "500ms"}, {@code "30s"}, {@code "2m"}. */
  public Duration duration(String name, Duration fallback) {
    Object v = options.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return Duration.ofMillis(n.longValue());
    }
    String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
      }
      if (s.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 1000));
      }
      if (s.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      }
      return Duration.ofMillis(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw problem(name, "must be a duration such as 500ms, 30s or 2m, was " + describe(v));
    }
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
    return new PluginConfig(path + "." + name, map(name), baseDir);
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
