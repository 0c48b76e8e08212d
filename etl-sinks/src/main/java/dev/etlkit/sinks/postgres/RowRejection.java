package dev.etlkit.sinks.postgres;

import dev.etlkit.api.Violation;
import java.util.List;

/**
 * Why the database refused one row: the server's message, and the constraint or value it broke as
 * violations of the record's fields.
 *
 * @param message the server's message and detail
 * @param violations the broken rules, per field; empty when the server names no column
 */
record RowRejection(String message, List<Violation> violations) {
}
