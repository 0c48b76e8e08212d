/**
 * JMH benchmarks and the end-to-end performance harness. Built into {@code etl-bench/target/benchmarks.jar};
 * never run by the test command.
 */
@NullMarked
package dev.etlkit.bench;

import org.jspecify.annotations.NullMarked;
