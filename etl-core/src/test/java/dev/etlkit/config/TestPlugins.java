package dev.etlkit.config;

import dev.etlkit.api.Chunk;
import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import dev.etlkit.api.SinkProvider;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceItem;
import dev.etlkit.api.SourceProvider;
import dev.etlkit.api.Transformer;
import dev.etlkit.api.TransformerProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only plugins, registered through {@code META-INF/services} files written into a temporary
 * directory, so that config tests in etl-core see real discovery without the etl-sources and etl-sinks
 * modules: "lines" reads {@code id,name} lines, "memory" and "json" collect records by destination,
 * "upper" upper-cases a field.
 */
final class TestPlugins {

  /** What the "memory" and "json" sinks completed, by destination. */
  static final Map<String, List<Record>> WRITTEN = new ConcurrentHashMap<>();

  private TestPlugins() {
  }

  /** A class loader that sees the test plugins besides etl-core's own providers. */
  static ClassLoader loader(Path dir) {
    try {
      Path services = Files.createDirectories(dir.resolve("plugins/META-INF/services"));
      Files.writeString(services.resolve("dev.etlkit.api.SourceProvider"), LinesProvider.class.getName() + "\n");
      Files.writeString(services.resolve("dev.etlkit.api.SinkProvider"),
          MemoryProvider.class.getName() + "\n" + JsonProvider.class.getName() + "\n"
              + DatabaseProvider.class.getName() + "\n");
      Files.writeString(services.resolve("dev.etlkit.api.TransformerProvider"), UpperProvider.class.getName() + "\n");
      return new URLClassLoader(new URL[] {dir.resolve("plugins").toUri().toURL()}, TestPlugins.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"type": "lines", "path": "in.txt"}}. */
  public static final class LinesProvider implements SourceProvider {
    @Override
    public String type() {
      return "lines";
    }

    @Override
    public List<OptionSpec> options() {
      return List.of(OptionSpec.required("path", OptionSpec.Type.STRING, "the file"));
    }

    @Override
    public Source<Record> create(PluginConfig config) {
      Path path = config.requirePath("path");
      if (!Files.isReadable(path)) {
        throw config.problem("path", "cannot read " + path);
      }
      return new Source<>() {
        private BufferedReader reader;
        private long line;

        @Override
        public String name() {
          return path.getFileName().toString();
        }

        @Override
        public void open(dev.etlkit.api.SourceContext context) throws IOException {
          reader = Files.newBufferedReader(path);
        }

        @Override
        public SourceItem<Record> read() throws IOException {
          String text = reader.readLine();
          if (text == null) {
            return null;
          }
          line++;
          String[] parts = text.split(",", -1);
          return SourceItem.of(Record.of("id", parts[0], "name", parts[1]), Position.at("line", line));
        }

        @Override
        public void close() throws IOException {
          if (reader != null) {
            reader.close();
          }
        }
      };
    }
  }

  /** {@code {"type": "memory", "destination": "x"}}. */
  public static class MemoryProvider implements SinkProvider {
    @Override
    public String type() {
      return "memory";
    }

    @Override
    public List<OptionSpec> options() {
      return List.of(OptionSpec.required("destination", OptionSpec.Type.STRING, "the key in WRITTEN"),
          OptionSpec.optional("columns", OptionSpec.Type.ARRAY, null, "ignored"),
          OptionSpec.optional("url", OptionSpec.Type.STRING, null, "ignored"));
    }

    @Override
    public Sink<Record> create(PluginConfig config) {
      String destination = config.requireString("destination");
      return new Sink<>() {
        private final List<Record> items = new ArrayList<>();

        @Override
        public String name() {
          return destination;
        }

        @Override
        public void write(Chunk<Record> chunk) {
          items.addAll(chunk.items());
        }

        @Override
        public void complete() {
          WRITTEN.put(destination, List.copyOf(items));
        }
      };
    }
  }

  /** Stands in for the real json sink, which the dead letter is made with. */
  public static final class JsonProvider extends MemoryProvider {
    @Override
    public String type() {
      return "json";
    }

    @Override
    public List<OptionSpec> options() {
      return List.of(OptionSpec.required("destination", OptionSpec.Type.STRING, "the key in WRITTEN"),
          OptionSpec.optional("format", OptionSpec.Type.STRING, null, "ignored"));
    }
  }

  /** Also the database sink's stand-in: {@code {"type": "database", "destination": "table"}}. */
  public static final class DatabaseProvider extends MemoryProvider {
    @Override
    public String type() {
      return "database";
    }
  }

  /** {@code {"type": "upper", "field": "name"}}. */
  public static final class UpperProvider implements TransformerProvider {
    @Override
    public String type() {
      return "upper";
    }

    @Override
    public List<OptionSpec> options() {
      return List.of(OptionSpec.required("field", OptionSpec.Type.STRING, "the field to upper-case"));
    }

    @Override
    public Transformer<Record, Record> create(PluginConfig config) {
      String field = config.requireString("field");
      return Transformer.map("upper", (Record r) -> r.with(field, r.getString(field).toUpperCase(Locale.ROOT)));
    }
  }
}
