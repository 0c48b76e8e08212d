package dev.etlkit.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The secret values of a config (header values, passwords in URLs, options named like a password or
 * token, and the environment variables substituted into them) and a way to mask them in any text before
 * it is printed, logged or reported.
 *
 * <pre>{@code
 * Secrets secrets = config.secrets();
 * System.err.println(secrets.redact(e.getMessage()));   // "... Bearer ***"
 * }</pre>
 */
public final class Secrets {

  /** What a secret is replaced with. */
  public static final String MASK = "***";

  // Shorter values would mask ordinary words and numbers all over the text; they are still masked
  // wherever they sit in a config echo.
  private static final int MIN_LENGTH = 4;
  private static final Pattern SCHEME_AND_CREDENTIALS = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*\\s+(\\S+)");

  /** Names that hold a secret in a query string, though as an option name they would not ("key"). */
  private static final Set<String> SECRET_PARAMETERS = Set.of("key", "sig", "signature", "auth", "code");

  private static final Secrets NONE = new Secrets(List.of());

  private final List<String> values;

  private Secrets(List<String> values) {
    this.values = values;
  }

  /** No secrets: {@link #redact} returns its input. */
  public static Secrets none() {
    return NONE;
  }

  /** These values, ignoring blanks and values too short to mask in free text. */
  public static Secrets of(Collection<String> values) {
    Set<String> kept = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && v.strip().length() >= MIN_LENGTH) {
        kept.add(v);
        kept.add(v.strip());
      }
    }
    List<String> sorted = new ArrayList<>(kept);
    // the longest first, so that "Bearer abcd" is masked whole before "abcd" is looked for
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new Secrets(List.copyOf(sorted));
  }

  /**
   * A header's value and, for one of the form {@code <scheme> <credentials>} ({@code Bearer abc123},
   * {@code Basic dXNlcjpwdw==}), the credentials alone: an API may echo the token without its scheme, in
   * a next-page link, say.
   */
  public static List<String> inHeaderValue(String value) {
    Matcher m = SCHEME_AND_CREDENTIALS.matcher(value.strip());
    return m.matches() ? List.of(value, m.group(1)) : List.of(value);
  }

  /**
   * The secrets in an environment: values of variables named like a secret ({@code API_KEY},
   * {@code DB_PASSWORD}, {@code GITHUB_TOKEN}) and passwords in any variable's URL ({@code DATABASE_URL}).
   * Lets a command mask them before it has read a config.
   */
  public static Secrets fromEnvironment(Map<String, String> environment) {
    List<String> found = new ArrayList<>();
    environment.forEach((name, value) -> {
      if (Interpolation.isSecretName(name)) {
        found.add(value);
      }
      found.addAll(passwordsIn(value));
    });
    return of(found);
  }

  /** These secrets and those of {@code other}. */
  public Secrets and(Secrets other) {
    List<String> all = new ArrayList<>(values);
    all.addAll(other.values);
    return of(all);
  }

  /** These secrets plus the passwords in {@code url}, if it has any (see {@link #passwordsIn}). */
  public Secrets andPasswordsIn(@Nullable String url) {
    List<String> passwords = passwordsIn(url);
    return passwords.isEmpty() ? this : and(of(passwords));
  }

  /** Whether there is nothing to mask. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** {@code text} with every secret replaced by {@link #MASK}. */
  public String redact(@Nullable String text) {
    if (text == null) {
      return "null";
    }
    String out = text;
    for (String secret : values) {
      out = replaceIgnoringCase(out, secret);
    }
    return out;
  }

  /**
   * {@code text} with {@code secret} masked in any case: a value that passed through a lower-casing step
   * (an email, say) still holds the secret.
   */
  private static String replaceIgnoringCase(String text, String secret) {
    int at = indexIgnoringCase(text, secret, 0);
    if (at < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    int from = 0;
    while (at >= 0) {
      sb.append(text, from, at).append(MASK);
      from = at + secret.length();
      at = indexIgnoringCase(text, secret, from);
    }
    return sb.append(text, from, text.length()).toString();
  }

  private static int indexIgnoringCase(String text, String secret, int from) {
    for (int i = from, last = text.length() - secret.length(); i <= last; i++) {
      if (text.regionMatches(true, i, secret, 0, secret.length())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The secrets in a URL: the user info's password ({@code postgresql://user:PASSWORD@host/db}) and the
   * values of query parameters named like a secret ({@code ?password=}, {@code token=},
   * {@code access_token=}, {@code api_key=}, {@code key=}, {@code sig=}...), each as written and decoded.
   */
  public static List<String> passwordsIn(@Nullable String url) {
    List<String> found = new ArrayList<>();
    for (int[] range : secretRanges(url)) {
      addAsWrittenAndDecoded(found, url.substring(range[0], range[1]));
    }
    return found;
  }

  /**
   * {@code url} with each of its secrets (see {@link #passwordsIn}) replaced by {@link #MASK}, however
   * short: a config echo shows where they were without what they were.
   */
  public static @Nullable String maskedUrl(@Nullable String url) {
    List<int[]> ranges = secretRanges(url);
    if (ranges.isEmpty()) {
      return url;
    }
    StringBuilder out = new StringBuilder(url.length());
    int done = 0;
    for (int[] range : ranges) {
      out.append(url, done, range[0]).append(MASK);
      done = range[1];
    }
    return out.append(url, done, url.length()).toString();
  }

  /** Where the secrets of a URL are, as {@code [start, end)} pairs in order. */
  private static List<int[]> secretRanges(@Nullable String url) {
    List<int[]> found = new ArrayList<>();
    int scheme = url == null ? -1 : url.indexOf("://");
    if (scheme < 0) {
      return found;
    }
    int start = scheme + 3;
    String rest = url.substring(start);
    int authorityEnd = firstOf(rest, "/?#");
    int at = rest.lastIndexOf('@', authorityEnd);
    if (at > 0) {
      int colon = rest.substring(0, at).indexOf(':');
      if (colon >= 0 && colon < at - 1) {
        found.add(new int[] {start + colon + 1, start + at});
      }
    }
    int query = rest.indexOf('?');
    if (query >= 0) {
      int fragment = rest.indexOf('#', query);
      int end = fragment < 0 ? rest.length() : fragment;
      int from = query + 1;
      while (from <= end) {
        int next = firstOf(rest.substring(from, end), "&;") + from;
        String param = rest.substring(from, next);
        int eq = param.indexOf('=');
        if (eq > 0 && eq < param.length() - 1 && isSecretParameter(decode(param.substring(0, eq)))) {
          found.add(new int[] {start + from + eq + 1, start + next});
        }
        from = next + 1;
      }
    }
    return found;
  }

  private static boolean isSecretParameter(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Interpolation.isSecretName(lower) || SECRET_PARAMETERS.contains(lower);
  }

  private static void addAsWrittenAndDecoded(List<String> found, String raw) {
    found.add(raw);
    found.add(decode(raw));
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a malformed escape: the value as written is all there is to mask
      return s;
    }
  }

  private static int firstOf(String s, String chars) {
    int end = s.length();
    for (char c : chars.toCharArray()) {
      int i = s.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return end;
  }

  @Override
  public String toString() {
    return values.size() + " secrets";
  }
}
