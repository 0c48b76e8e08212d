package dev.etlkit.internal;

import dev.etlkit.api.Position;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the reader hands on: up to batchSize items in input order, the rejections of malformed items
 * among them, and where to resume after the last one.
 *
 * @param seq 0-based batch number in this attempt
 * @param entries the items read
 * @param rejected items the source could not parse
 * @param sourceIndex the source of the last item
 * @param position the position of the last item, null when the batch is empty
 * @param bytesRead input bytes consumed so far over all sources, -1 when unknown
 * @param failure a fatal error that stopped the reader after these items, or null
 */
record Batch(long seq, List<Entry> entries, List<Rejection> rejected, int sourceIndex,
    @Nullable Position position, long bytesRead, @Nullable Throwable failure) {

  long readCount() {
    return entries.size() + rejected.size();
  }
}
