/**
 * The CSV sink: records as RFC 4180 rows with chosen columns, headers and value formats, streamed to a
 * file that is renamed into place when the run succeeds.
 */
@NullMarked
package dev.etlkit.sinks.csv;

import org.jspecify.annotations.NullMarked;
