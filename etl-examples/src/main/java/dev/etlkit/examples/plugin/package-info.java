/**
 * A custom source and sink shipped as plugins: {@code "sample-employees"} generates employees and
 * {@code "markdown"} writes a Markdown table. Their providers are listed in {@code META-INF/services},
 * so a config uses them by type name, as in {@code etl-examples/config/plugins.json}.
 */
@NullMarked
package dev.etlkit.examples.plugin;

import org.jspecify.annotations.NullMarked;
