package dev.etlkit.transform;

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
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only plugins found through {@code META-INF/services} files written into a temporary directory:
 * a "rows" source of the records given in its config, and a "collect" sink that keeps what it is given.
 */
final class RowsPlugins {

  /** What each "collect" sink received, by destination. */
  static final Map<String, List<Record>> COLLECTED = new ConcurrentHashMap<>();

  private RowsPlugins() {
  }

  /** A class loader that sees these plugins besides etl-core's own. */
  static ClassLoader loader(Path dir) throws IOException {
    Path services = Files.createDirectories(dir.resolve("plugins/META-INF/services"));
    Files.writeString(services.resolve("dev.etlkit.api.SourceProvider"), RowsProvider.class.getName() + "\n");
    Files.writeString(services.resolve("dev.etlkit.api.SinkProvider"), CollectProvider.class.getName() + "\n");
    return new URLClassLoader(new URL[] {dir.resolve("plugins").toUri().toURL()}, RowsPlugins.class.getClassLoader());
  }

  /** {@code {"type": "rows", "rows": [{...}, ...]}}. */
  public static final class RowsProvider implements SourceProvider {
    @Override
    public String type() {
      return "rows";
    }

    @Override
    public List<OptionSpec> options() {
      return List.of(OptionSpec.required("rows", OptionSpec.Type.ARRAY, "the records"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Source<Record> create(PluginConfig config) {
      List<Object> rows = config.list("rows");
      return new Source<>() {
        private int next;

        @Override
        public String name() {
          return "rows";
        }

        @Override
        public SourceItem<Record> read() {
          if (next == rows.size()) {
            return null;
          }
          next++;
          return SourceItem.of(Record.of((Map<String, ?>) rows.get(next - 1)), Position.at("row", next));
        }
      };
    }
  }

  /** {@code {"type": "collect", "destination": "x"}}. */
  public static final class CollectProvider implements SinkProvider {
    @Override
    public String type() {
      return "collect";
    }

    @Override
    public List<OptionSpec> options() {
      return List.of(OptionSpec.required("destination", OptionSpec.Type.STRING, "the key in COLLECTED"));
    }

    @Override
    public Sink<Record> create(PluginConfig config) {
      String destination = config.requireString("destination");
      List<Record> items = new ArrayList<>();
      COLLECTED.put(destination, items);
      return new Sink<>() {
        @Override
        public String name() {
          return destination;
        }

        @Override
        public void write(Chunk<Record> chunk) {
          items.addAll(chunk.items());
        }
      };
    }
  }
}
