/**
 * The JSON source ({@code "type": "json"}): {@link dev.etlkit.sources.json.JsonSource} streams a top-level
 * array, a single object, an object whose named field holds the array, or NDJSON, with Jackson's
 * streaming parser; {@link dev.etlkit.sources.json.JsonValues} turns JSON into record values.
 */
@NullMarked
package dev.etlkit.sources.json;

import org.jspecify.annotations.NullMarked;
