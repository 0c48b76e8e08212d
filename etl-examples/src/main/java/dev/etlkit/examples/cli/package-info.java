/**
 * The employee ETL command, {@code java -jar etl.jar --config=FILE}: runs a config-driven pipeline with
 * the employee profile, shows progress, prints the seed's summary and writes the JSON report.
 */
@NullMarked
package dev.etlkit.examples.cli;

import org.jspecify.annotations.NullMarked;
