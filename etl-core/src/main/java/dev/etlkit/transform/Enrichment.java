package dev.etlkit.transform;

import dev.etlkit.api.Record;
import java.time.Clock;

/**
 * Computes a richer record from a record, for {@link Enrich#with(String, Enrichment)}. "Now" and
 * "today" come from {@code clock}, the run's clock, so that tests can fix them. Called from several
 * worker threads at once: keep it free of shared mutable state.
 */
@FunctionalInterface
public interface Enrichment {

  /** The enriched record ({@code record} itself when there is nothing to add). */
  Record enrich(Record record, Clock clock) throws Exception;
}
