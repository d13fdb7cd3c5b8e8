package dev.apiquery.response;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one response body into a {@link Page}: the rows at the row path(s), only the requested
 * columns, and the requested document values. Never builds the whole document in memory.
 * Implementations are immutable and thread-safe: build one per call with {@link
 * ResponseReaders#create}, then read every page of that call with it.
 */
public interface ResponseReader {
  /**
   * Reads a whole body. Transport failures (including a body cut off by the connection) are
   * {@link IOException}s and may be retried; a complete body that is not the JSON or XML the
   * profile expects is a {@link MalformedResponseException} and is not. The stream is not closed.
   */
  Page read(InputStream body) throws IOException, MalformedResponseException;
}
