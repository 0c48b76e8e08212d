package dev.etlkit.sinks.json;

import java.nio.file.Path;

/**
 * NDJSON files, one compact JSON object per line: the usual format for a dead-letter file.
 *
 * <pre>{@code
 * .onError(ErrorPolicy.skip().deadLetter(NdjsonSink.file(Path.of("output/rejected.ndjson"))))
 * }</pre>
 */
public final class NdjsonSink {

  private NdjsonSink() {
  }

  /** A sink writing {@code path} as NDJSON, whatever its extension. */
  public static JsonSink file(Path path) {
    return JsonSink.builder(path).format(JsonFormat.NDJSON).build();
  }
}
