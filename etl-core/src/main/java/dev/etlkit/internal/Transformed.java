package dev.etlkit.internal;

import java.util.List;

/**
 * A batch after the transformers: the outputs in input order, what was rejected, how many duplicates
 * and silently dropped items there were, and the input's quality counts.
 */
final class Transformed {
  final Batch batch;
  List<Entry> outputs;
  final List<Rejection> rejected;
  long duplicates;
  long filtered;
  final QualityCounter quality;
  long transformNanos;

  Transformed(Batch batch, List<Entry> outputs, List<Rejection> rejected, QualityCounter quality) {
    this.batch = batch;
    this.outputs = outputs;
    this.rejected = rejected;
    this.quality = quality;
  }
}
