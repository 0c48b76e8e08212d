/**
 * The parts of the end-to-end harness ({@code etl-bench/e2e/run.sh}) that run inside a JVM: transform
 * throughput with one and with two workers.
 */
@NullMarked
package dev.etlkit.bench.e2e;

import org.jspecify.annotations.NullMarked;
