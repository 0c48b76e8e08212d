package dev.etlkit.sources.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page the API returned: where it was fetched, its headers, its items (JSON values, objects as
 * maps) and the whole body, for paginations that read a cursor from it.
 */
record Page(URI uri, HttpHeaders headers, List<@Nullable Object> items, @Nullable Object body) {
}
