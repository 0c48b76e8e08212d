package dev.etlkit.sinks.postgres;

/**
 * A loaded column and the record field that fills it.
 *
 * @param field the record field
 * @param column the table column
 * @param json whether the column is json or jsonb, so that every value goes in as JSON text
 */
record Binding(String field, String column, boolean json) {
}
