package dev.etlkit.transform;

import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.Retry;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceContext;
import dev.etlkit.api.SourceItem;
import dev.etlkit.api.TransformContext;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reference data read whole from a source into memory when the run starts. */
final class SourceReference implements ReferenceData {

  private final Source<Record> source;
  private final String referenceKey;
  private volatile Map<String, Record> byKey = Map.of();

  SourceReference(Source<Record> source, String referenceKey) {
    this.source = source;
    this.referenceKey = referenceKey;
  }

  @Override
  public void open(TransformContext context) throws Exception {
    Map<String, Record> loaded = new HashMap<>();
    try (source) {
      source.open(new SourceContext() {
        @Override
        public String runId() {
          return context.runId();
        }

        @Override
        public Retry retry() {
          return Retry.none();
        }

        @Override
        public @Nullable Position resumeAfter() {
          return null;
        }
      });
      for (SourceItem<Record> item = source.read(); item != null; item = source.read()) {
        if (item.isRejected()) {
          throw new EtlException("lookup data " + source.name() + " " + item.position().description() + ": "
              + item.rejection().getMessage());
        }
        Record r = item.value();
        Object key = r.get(referenceKey);
        if (key != null) {
          loaded.putIfAbsent(LookupJoin.keyText(key), r.without(referenceKey));
        }
      }
    }
    byKey = loaded;
  }

  @Override
  public @Nullable Record find(String key) {
    return byKey.get(key);
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public void close() {
    byKey = Map.of();
  }
}
