/**
 * The public face of the engine: {@link dev.etlkit.Pipeline} and its builder, the
 * {@link dev.etlkit.PipelineResult} of a run, the {@link dev.etlkit.PipelineListener} for progress, and
 * the {@link dev.etlkit.ErrorPolicy} for bad records. The engine itself is in {@code dev.etlkit.internal}.
 */
@NullMarked
package dev.etlkit;

import org.jspecify.annotations.NullMarked;
