/**
 * Fixtures for tests of pipelines and plugins: in-memory sources and sinks, fault-injecting ones,
 * AssertJ assertions for results and records, contract tests every plugin can extend, and JUnit 5
 * extensions that provide PostgreSQL and Redis.
 */
@NullMarked
package dev.etlkit.testkit;

import org.jspecify.annotations.NullMarked;
