package dev.etlkit.config;

import org.jspecify.annotations.Nullable;

/**
 * The config's {@code errors} section: when rejected records fail the run, and where they are written.
 *
 * @param failFast fail the run at the first rejected record
 * @param maxErrors fail once more than this many records were rejected
 * @param maxErrorRate fail once more than this share (0..1) of the records read were rejected
 * @param deadLetter the NDJSON file rejected records go to, {@code {runId}} standing for the run's id;
 *     null when they are not written anywhere
 */
public record ErrorOptions(boolean failFast, long maxErrors, double maxErrorRate, @Nullable String deadLetter) {
}
