package dev.apiquery.response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one JSON response body with Jackson's streaming parser: finds the rows, keeps only the
 * requested column paths, and never builds the whole document in memory (under
 * FlattenedDocuments, one top-level row element at a time). Immutable and thread-safe: build
 * once per call, call {@link #read} per page.
 *
 * <p>What a page holds (see {@link Page} for the raw value types):
 *
 * <ul>
 *   <li>Rows: the elements of the array at each row path, in document order; if a row path
 *       points at an object, that object is one row; if it is absent or JSON null, it gives no
 *       rows. {@code $}, {@code $.} and {@code /json} are the document root. Without a row path:
 *       the top-level array, else the first array (in document order, searching through
 *       objects) whose first element is an object; if there is none and no empty array either,
 *       the top-level object is the only row.
 *   <li>An element of the rows array that is not an object (a string, a number, an array) is
 *       still a row; only a column path naming the row itself ({@code "."} or {@code ""}, or an
 *       absolute path equal to the row path) matches it, and yields the element's value.
 *   <li>Column paths: a field path flattens objects ({@code owner/login}); a path that ends at
 *       an object or array yields its compact JSON text; {@code name[n]} picks element n
 *       (zero-based) at any step; a field path that runs through an array yields the JSON array
 *       of what each element holds there ({@code CustomFields/value} gives {@code ["a","b"]}).
 *       A missing field, an index past the end or a path through a scalar gives null.
 *   <li>Absolute column paths outside the rows are document values: read wherever they occur
 *       (before or after the rows) and set on every row of the page. A document path that
 *       encloses the rows (or lies inside them) is not filled: it would copy the rows. Without
 *       a row path, an object named by a document path is read as that value, and the rows are
 *       not searched for inside it.
 *   <li>FlattenedDocuments ({@link DataModel}): one row per element of the innermost paths,
 *       with the columns of the enclosing elements repeated (see {@link FlatLevel}).
 *   <li>An empty body (no JSON value at all) is a page with no rows; a body that is a scalar is
 *       a page with no rows, except that explicit row paths at a scalar are malformed.
 * </ul>
 */
final class JsonResponseReader implements ResponseReader {
  private final ReadPlan plan;

  /**
   * @param rows the row paths and data model
   * @param columnPaths one {@code other:xPath} per output column: absolute ({@code /json/a/b}),
   *     relative to the row ({@code a/b}), with {@code name[n]} steps; an absolute path outside
   *     the rows is a document value repeated on every row
   * @param documentPaths extra document-level paths to capture ({@code /json/next}); reported in
   *     {@link Page#documentValues()}
   * @throws IllegalArgumentException when a path uses syntax this reader does not support
   *     ({@code ..}, filters, a wildcard inside a row path)
   */
  JsonResponseReader(RowPaths rows, List<String> columnPaths, List<String> documentPaths) {
    List<NodePath> columns = new ArrayList<>();
    for (String column : columnPaths) {
      columns.add(NodePath.parseColumnPath(column, false));
    }
    List<NodePath> docs = new ArrayList<>();
    for (String doc : documentPaths) {
      docs.add(NodePath.parseDocumentPath(doc, false));
    }
    this.plan = new ReadPlan(rows, columns, documentPaths, docs);
  }

  /**
   * Reads a whole body. Transport failures (including a body cut off by the connection) are
   * {@link IOException}s; a complete body that is not valid JSON, or whose row path holds a
   * scalar, is a {@link MalformedResponseException}. The stream is read to the end of the JSON
   * value and is not closed.
   */
  @Override
  public Page read(InputStream body) throws IOException, MalformedResponseException {
    try (JsonParser parser = JsonText.FACTORY.createParser(body)) {
      return new DocumentScan(parser, plan).run();
    } catch (JsonProcessingException e) {
      // The parser's own verdict on the bytes it was given, including a body that ends early:
      // when the stream itself fails, the parser sees a plain IOException and it passes through.
      throw new MalformedResponseException(describe(e), e);
    } catch (CharConversionException e) {
      // Jackson's readers for UTF-16/32 report bad bytes this way; still the body's fault.
      throw new MalformedResponseException(
          "Malformed JSON response: invalid character encoding: "
              + MalformedResponseException.oneLine(e.getMessage()), e);
    }
  }

  private static String describe(JsonProcessingException e) {
    StringBuilder sb = new StringBuilder("Malformed JSON response");
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      sb.append(" at line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
    }
    String message = MalformedResponseException.oneLine(e.getOriginalMessage());
    return sb.append(": ").append(message).toString();
  }
}
