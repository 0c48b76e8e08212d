package dev.etlkit.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Replaces {@code ${NAME}} in every string of a config with the environment variable NAME, and finds the
 * secrets on the way: header values, options named like a password or token, passwords in URLs, and
 * variables substituted into any of them or named like a secret themselves.
 */
final class Interpolation {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(password|passwd|secret|token|api[_-]?key|authorization|credential|private[_-]?key).*");

  private final UnaryOperator<@Nullable String> environment;
  private final List<String> problems;
  private final List<String> secrets = new ArrayList<>();

  Interpolation(UnaryOperator<@Nullable String> environment, List<String> problems) {
    this.environment = environment;
    this.problems = problems;
  }

  /** Whether an option of this name holds a secret. */
  static boolean isSecretName(String name) {
    return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  /** The value with variables replaced; a missing variable is a problem at its path and stays as written. */
  @Nullable Object apply(@Nullable Object value, String path, boolean secretPosition) {
    if (value instanceof String s) {
      return string(s, path, secretPosition);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      boolean headers = path.equals("headers") || path.endsWith(".headers");
      map.forEach((k, v) -> {
        String key = String.valueOf(k);
        out.put(key, apply(v, path.isEmpty() ? key : path + "." + key, secretPosition || headers || isSecretName(key)));
      });
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(apply(list.get(i), path + "[" + i + "]", secretPosition));
      }
      return out;
    }
    return value;
  }

  /** Every secret value met so far. */
  List<String> secrets() {
    return secrets;
  }

  private String string(String s, String path, boolean secretPosition) {
    String result = s;
    if (s.contains("${")) {
      Matcher m = VARIABLE.matcher(s);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String value = environment.apply(name);
        if (value == null) {
          problems.add(path + ": environment variable " + name + " is not set");
          value = m.group();
        } else if (secretPosition || isSecretName(name)) {
          secrets.add(value);
        }
        m.appendReplacement(sb, Matcher.quoteReplacement(value));
      }
      m.appendTail(sb);
      result = sb.toString();
    }
    if (secretPosition) {
      secrets.addAll(Secrets.inHeaderValue(result));
    }
    secrets.addAll(Secrets.passwordsIn(result));
    return result;
  }

  /** The value with every secret position replaced by the mask, for echoing a config. */
  static @Nullable Object masked(@Nullable Object value, String path, boolean secretPosition) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      boolean headers = path.equals("headers") || path.endsWith(".headers");
      map.forEach((k, v) -> {
        String key = String.valueOf(k);
        out.put(key, masked(v, path.isEmpty() ? key : path + "." + key, secretPosition || headers || isSecretName(key)));
      });
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(masked(list.get(i), path + "[" + i + "]", secretPosition));
      }
      return out;
    }
    if (secretPosition && value != null) {
      return Secrets.MASK;
    }
    // a URL's own secrets are masked however short they are; the secrets' values are masked everywhere later
    return value instanceof String s ? Secrets.maskedUrl(s) : value;
  }
}
