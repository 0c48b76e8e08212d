/**
 * The built-in transformers for {@link dev.etlkit.api.Record}s: {@link dev.etlkit.transform.Normalize},
 * {@link dev.etlkit.transform.Validate}, {@link dev.etlkit.transform.Enrich} and
 * {@link dev.etlkit.transform.Deduplicate}, each usable in code and from config.
 */
@NullMarked
package dev.etlkit.transform;

import org.jspecify.annotations.NullMarked;
