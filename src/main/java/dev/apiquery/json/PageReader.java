package dev.apiquery.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads one JSON response body with Jackson's streaming parser: finds the rows, keeps only the
 * requested column paths, and never builds the whole document in memory. Immutable and
 * thread-safe: build once per scan, call {@link #read} per page.
 */
public final class PageReader {
  /**
   * @param rowPath where the rows are ({@code JSONPath}/{@code XPath}/{@code RepeatElement}:
   *     {@code $.records}, {@code /records}, {@code /json/records}, {@code $.data[*]}); null or
   *     empty: a top-level array, else the first array of objects
   * @param columnPaths one {@code other:xPath} per output column: absolute ({@code /json/a/b}),
   *     relative to the row ({@code a/b}), with {@code name[n]} steps; an absolute path outside
   *     the rows is a document value repeated on every row
   * @param documentPaths extra document-level paths to capture ({@code /json/next}); reported in
   *     {@link Page#documentValues()}
   */
  public PageReader(String rowPath, List<String> columnPaths, List<String> documentPaths) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Reads a whole body. Transport failures (including a body cut off by the connection) are
   * {@link IOException}s; a complete body that is not valid JSON, or whose rows are not an array
   * of objects, is a {@link MalformedResponseException}.
   */
  public Page read(InputStream body) throws IOException, MalformedResponseException {
    throw new UnsupportedOperationException("TODO");
  }
}
