/**
 * Showing a run's progress to people: {@link dev.etlkit.progress.ConsoleProgress} draws a progress bar on
 * a terminal and writes periodic log lines elsewhere.
 */
@NullMarked
package dev.etlkit.progress;

import org.jspecify.annotations.NullMarked;
