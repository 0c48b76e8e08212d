/**
 * The example command's Logback pieces: secrets masked in every log line, a human-readable console that
 * keeps stdout clean, and JSON-lines log files with rotation, opened only for a real run.
 */
@NullMarked
package dev.etlkit.examples.logging;

import org.jspecify.annotations.NullMarked;
