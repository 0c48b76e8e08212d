package dev.etlkit.internal;

import java.util.List;

/**
 * A batch after the transformers: the outputs in input order, what was rejected, how many duplicates
 * silently dropped and added (split off) items there were, and the input's quality counts.
 */
final class Transformed {
  final Batch batch;
  List<Entry> outputs;
  final List<Rejection> rejected;
  long duplicates;
  long filtered;
  /** Items emitted beyond the first for one input item (a split). */
  long added;
  final QualityCounter quality;
  long transformNanos;

  Transformed(Batch batch, List<Entry> outputs, List<Rejection> rejected, QualityCounter quality) {
    this.batch = batch;
    this.outputs = outputs;
    this.rejected = rejected;
    this.quality = quality;
  }
}
