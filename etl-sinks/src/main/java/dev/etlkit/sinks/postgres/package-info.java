/**
 * The PostgreSQL sink: batches loaded with {@code COPY} (through a staging table for upserts) in one
 * transaction each, bad rows isolated and rejected alone, lost connections retried.
 */
@NullMarked
package dev.etlkit.sinks.postgres;

import org.jspecify.annotations.NullMarked;
