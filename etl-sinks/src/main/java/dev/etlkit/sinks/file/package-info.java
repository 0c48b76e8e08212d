/**
 * Output files written under a temporary name, committed batch by batch, resumable after a crash and
 * renamed into place when the run succeeds: the ground the CSV and JSON sinks stand on; and the UTF-8
 * encoding that the CSV and {@code COPY} encoders share.
 */
@NullMarked
package dev.etlkit.sinks.file;

import org.jspecify.annotations.NullMarked;
