/**
 * Local input files shared by the file sources: checked before a run, opened (and gunzipped) from any
 * byte offset so a resumed run seeks instead of re-reading, and counted for progress.
 */
@NullMarked
package dev.etlkit.sources.file;

import org.jspecify.annotations.NullMarked;
