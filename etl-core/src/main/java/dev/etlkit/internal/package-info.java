/**
 * The engine behind {@link dev.etlkit.Pipeline}: reader, workers and writer threads, the plugin registry,
 * checkpoint encoding. Not an API: anything here may change in any release.
 */
@NullMarked
package dev.etlkit.internal;

import org.jspecify.annotations.NullMarked;
