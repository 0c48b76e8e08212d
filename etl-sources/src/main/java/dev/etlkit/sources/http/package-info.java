/**
 * The HTTP API source ({@code "type": "api"}): {@link dev.etlkit.sources.http.HttpSource} GETs JSON pages
 * with the JDK's {@code HttpClient}, follows a {@link dev.etlkit.sources.http.Pagination}, retries
 * transient faults and never puts header values or query strings into messages.
 */
@NullMarked
package dev.etlkit.sources.http;

import org.jspecify.annotations.NullMarked;
