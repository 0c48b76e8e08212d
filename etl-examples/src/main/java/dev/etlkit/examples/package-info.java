/**
 * Runnable examples, one per task, using only the public API: {@link dev.etlkit.examples.ComposeEmployeePipeline}
 * builds the employee job in code, {@link dev.etlkit.examples.RunConfigFile} runs a config file from a
 * host application.
 */
@NullMarked
package dev.etlkit.examples;

import org.jspecify.annotations.NullMarked;
