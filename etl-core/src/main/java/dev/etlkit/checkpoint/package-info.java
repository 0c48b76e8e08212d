/**
 * Checkpoint stores that ship with the core: {@link dev.etlkit.checkpoint.FileCheckpointStore}, the
 * embedded default, and the JSON form of a {@link dev.etlkit.api.Checkpoint} that other stores reuse.
 */
@NullMarked
package dev.etlkit.checkpoint;

import org.jspecify.annotations.NullMarked;
