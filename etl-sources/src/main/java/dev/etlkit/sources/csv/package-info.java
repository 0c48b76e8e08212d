/**
 * The CSV source ({@code "type": "csv"}): {@link dev.etlkit.sources.csv.CsvSource} reads RFC 4180 files,
 * plain or gzipped, streaming, with positions that let a resumed run seek straight to the next record.
 */
@NullMarked
package dev.etlkit.sources.csv;

import org.jspecify.annotations.NullMarked;
