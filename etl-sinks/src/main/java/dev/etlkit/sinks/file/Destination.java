package dev.etlkit.sinks.file;

import dev.etlkit.api.PluginConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code destination} of a file output, checked when the config is read: a run that could only
 * fail at its very end, when the finished file is renamed into place, is refused before it starts.
 */
public final class Destination {

  private Destination() {
  }

  /**
   * The resolved {@code destination}; a {@link dev.etlkit.api.ConfigException} when it is a directory, or
   * when a file stands where one of its directories must be.
   */
  public static Path of(PluginConfig config) {
    Path path = config.requirePath("destination");
    Path absolute = path.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw config.problem("destination", absolute + " is a directory; give a file name");
    }
    for (Path dir = absolute.getParent(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir)) {
        if (!Files.isDirectory(dir)) {
          throw config.problem("destination", "cannot create " + absolute + ": " + dir + " is a file, not a directory");
        }
        break;
      }
    }
    return path;
  }
}
