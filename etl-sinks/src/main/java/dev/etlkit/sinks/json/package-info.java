/**
 * The JSON sink: records as a JSON array of objects or as NDJSON, one object per line, streamed to a
 * file that is renamed into place when the run succeeds.
 */
@NullMarked
package dev.etlkit.sinks.json;

import org.jspecify.annotations.NullMarked;
