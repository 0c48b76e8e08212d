package dev.etlkit.internal;

import dev.etlkit.RejectedRecord;
import java.util.List;

/**
 * A batch after the transformers: the outputs in input order, what was rejected, how many duplicates
 * and silently dropped items there were, and the input's quality counts.
 */
final class Transformed {
  final Batch batch;
  List<Entry> outputs;
  final List<RejectedRecord> rejected;
  long duplicates;
  long filtered;
  final QualityCounter quality;
  long transformNanos;

  Transformed(Batch batch, List<Entry> outputs, List<RejectedRecord> rejected, QualityCounter quality) {
    this.batch = batch;
    this.outputs = outputs;
    this.rejected = rejected;
    this.quality = quality;
  }
}
