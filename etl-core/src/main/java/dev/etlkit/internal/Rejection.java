package dev.etlkit.internal;

import dev.etlkit.RejectedRecord;
import java.util.Comparator;
import java.util.List;

/**
 * A rejected record with the sequence number of the input item it came from, so that a batch's
 * rejections from the source, the transformers and the sinks are reported in input order.
 */
record Rejection(long seq, RejectedRecord rejected) {

  /** The records of these rejections, in input order (stable for fan-out children of one item). */
  static List<RejectedRecord> inInputOrder(List<Rejection> rejections) {
    return rejections.stream().sorted(Comparator.comparingLong(Rejection::seq)).map(Rejection::rejected).toList();
  }
}
