package dev.etlkit.sources.csv;

import java.io.IOException;
import java.nio.charset.Charset;

/** Bytes that are not valid in the file's charset, with where they start. */
final class MalformedBytesException extends IOException {

  MalformedBytesException(long offset, Charset charset) {
    super("bytes at offset " + offset + " are not valid " + charset.name());
  }
}
