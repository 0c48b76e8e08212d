package dev.etlkit.transform;

import dev.etlkit.api.Record;
import dev.etlkit.api.TransformContext;
import org.jspecify.annotations.Nullable;

/** Where a {@link Lookup} finds the reference record of a key. Thread-safe between open and close. */
interface ReferenceData extends AutoCloseable {

  /** Loads or connects; called once before the first lookup. */
  void open(TransformContext context) throws Exception;

  /** The reference record for the key (as text), or null. */
  @Nullable Record find(String key) throws Exception;

  /** The reference data's name for messages. */
  String name();

  @Override
  void close() throws Exception;
}
