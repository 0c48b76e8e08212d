package dev.etlkit.config;

import dev.etlkit.api.ConfigException;
import dev.etlkit.internal.PluginRegistry;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks pipeline configs. By default {@code ${NAME}} comes from the process environment,
 * relative paths resolve against the working directory, plugins come from the context class loader,
 * and there is no {@link Profile} (so the seed's true/false transformations are refused).
 *
 * <pre>{@code
 * PipelineConfig config = PipelineConfig.reader()
 *     .profile(new EmployeeProfile())
 *     .read(Path.of("config/employees.json"));
 * }</pre>
 */
public final class ConfigReader {

  private UnaryOperator<@Nullable String> environment = System::getenv;
  private Path baseDir = Path.of("");
  private @Nullable Profile profile;
  private @Nullable ClassLoader plugins;

  ConfigReader() {
  }

  /** Where {@code ${NAME}} and the {@code DATABASE_URL} / {@code REDIS_URL} defaults are looked up. */
  public ConfigReader environment(UnaryOperator<@Nullable String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    return this;
  }

  /** The directory relative paths in the config resolve against (default: the working directory). */
  public ConfigReader baseDir(Path baseDir) {
    this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    return this;
  }

  /** The profile that gives the seed's boolean transformations their meaning. */
  public ConfigReader profile(Profile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
    return this;
  }

  /** The class loader whose {@code META-INF/services} files list the plugins (default: the context class loader). */
  public ConfigReader plugins(ClassLoader loader) {
    this.plugins = Objects.requireNonNull(loader, "loader");
    return this;
  }

  /**
   * Reads and checks a config file; the pipeline is named after the file ({@code employees.json} →
   * "employees") unless the config has a {@code name}.
   *
   * @throws ConfigException listing every problem, one per line, each starting with the file and the
   *     JSON path: {@code config/employees.json: outputs[1].destination: required}
   */
  public PipelineConfig read(Path file) {
    String fileName = file.getFileName() == null ? "pipeline" : file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    try {
      return parse(readText(file), dot > 0 ? fileName.substring(0, dot) : fileName);
    } catch (ConfigException e) {
      throw new ConfigException(e.problems().stream().map(p -> file + ": " + p).toList());
    }
  }

  /**
   * Checks a config given as JSON text.
   *
   * @param defaultName the pipeline's name when the config has none
   * @throws ConfigException listing every problem, one per line, each with its JSON path
   */
  public PipelineConfig parse(String json, String defaultName) {
    Object tree = ConfigJson.parse(json);
    if (!(tree instanceof Map)) {
      throw new ConfigException("the config must be a JSON object, was " + Fields.describe(tree));
    }
    List<String> problems = new ArrayList<>();
    Interpolation interpolation = new Interpolation(environment, problems);
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) interpolation.apply(tree, "", false);
    PluginRegistry registry = plugins == null ? PluginRegistry.load() : PluginRegistry.load(plugins);
    ConfigChecks checks = new ConfigChecks(root, problems, baseDir, environment, registry, profile);
    PipelineConfig config = checks.check(defaultName, Secrets.of(interpolation.secrets()));
    if (!problems.isEmpty()) {
      Secrets secrets = config.secrets();
      throw new ConfigException(problems.stream().distinct().map(secrets::redact).toList());
    }
    return config;
  }

  private static String readText(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (NoSuchFileException e) {
      throw new ConfigException("no such file");
    } catch (AccessDeniedException e) {
      throw new ConfigException("cannot read the file: permission denied");
    } catch (CharacterCodingException e) {
      throw new ConfigException("the file is not UTF-8 text");
    } catch (IOException e) {
      String reason = Files.isDirectory(file) ? "is a directory, not a file" : e.getMessage();
      throw new ConfigException("cannot read the file: " + reason, e);
    }
  }
}
