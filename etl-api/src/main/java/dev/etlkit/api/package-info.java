/**
 * The contracts of etlkit: {@link dev.etlkit.api.Source}, {@link dev.etlkit.api.Transformer},
 * {@link dev.etlkit.api.Sink}, the {@link dev.etlkit.api.Record} they exchange, the provider SPIs found
 * with {@link java.util.ServiceLoader}, and the exception family. Non-null unless marked otherwise.
 */
@NullMarked
package dev.etlkit.api;

import org.jspecify.annotations.NullMarked;
