/**
 * Pipelines from JSON config files: {@link dev.etlkit.config.PipelineConfig} reads and checks a config
 * (the seed's format and the general list-of-steps form), reporting every problem at once with its JSON
 * path, and turns it into a {@link dev.etlkit.Pipeline.Builder}.
 */
@NullMarked
package dev.etlkit.config;

import org.jspecify.annotations.NullMarked;
