package dev.etlkit.config;

import dev.etlkit.api.PluginConfig;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The database output's connection: the {@code DATABASE_URL} environment variable unless the output sets {@code url}. */
final class DatabaseUrl {

  /** The output types that write to a database. */
  private static final List<String> TYPES = List.of("database", "postgres", "postgresql");

  private DatabaseUrl() {
  }

  /** Whether the output writes to a database ({@code "type": "database"}, or an alias, in any case). */
  static boolean isDatabase(PluginConfig output) {
    return output.options().get("type") instanceof String type && TYPES.contains(type.toLowerCase(Locale.ROOT));
  }

  /** The URL, or null after reporting that the output needs one. */
  static @Nullable String fromEnvironment(UnaryOperator<@Nullable String> environment, String path, List<String> problems) {
    String url = environment.apply("DATABASE_URL");
    if (url == null || url.isBlank()) {
      problems.add(path + ": the database output needs DATABASE_URL, a postgresql:// or jdbc:postgresql:// URL;"
          + " set it or remove this output");
      return null;
    }
    String trimmed = url.strip();
    if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://") && !trimmed.startsWith("jdbc:")) {
      problems.add(path + ": DATABASE_URL must be a postgresql:// or jdbc: URL");
      return null;
    }
    return trimmed;
  }
}
