package dev.etlkit;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.RecordException;
import dev.etlkit.api.Transformer;
import java.util.Map;

/**
 * Replays rejected records. A dead-letter file (see {@link RejectedRecord#toDeadLetter(String)}) read
 * back with a JSON source and passed through {@link #unwrap()} yields the raw records again, so that
 * they can go through the fixed pipeline:
 *
 * <pre>{@code
 * Pipeline.builder("replay")
 *     .source(JsonSource.file(Path.of("output/rejected.ndjson")).build())
 *     .transform(DeadLetters.unwrap())
 *     .transform(...)
 * }</pre>
 */
public final class DeadLetters {

  private DeadLetters() {
  }

  /** A transformer from a dead-letter record to the raw record it holds; raw text rows are rejected again. */
  public static Transformer<Record, Record> unwrap() {
    return new Transformer<>() {
      @Override
      public void transform(Record deadLetter, Emitter<Record> out) {
        Object raw = deadLetter.get("record");
        if (raw instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, ?> fields = (Map<String, ?>) m;
          out.emit(Record.of(fields));
        } else {
          throw new RecordException("dead letter holds no parsed record (" + deadLetter.get("message") + ")");
        }
      }

      @Override
      public String name() {
        return "dead-letter-unwrap";
      }
    };
  }
}
