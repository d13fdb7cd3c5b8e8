package dev.apiquery.response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads one JSON response body with Jackson's streaming parser: finds the rows, keeps only the
 * requested column paths, and never builds the whole document in memory. Immutable and
 * thread-safe: build once per scan, call {@link #read} per page.
 *
 * <p>What a page holds (see {@link Page} for the raw value types):
 *
 * <ul>
 *   <li>Rows: the elements of the array at the row path; if the row path points at an object,
 *       that object is the only row; if it is absent or JSON null, there are no rows. Without a
 *       row path: the top-level array, else the first array (in document order, searching
 *       through objects) whose first element is an object, else no rows.
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
 *   <li>An empty body (no JSON value at all) is a page with no rows; a body that is a scalar is
 *       a page with no rows, except that explicit row paths at a scalar are malformed.
 * </ul>
 */
public final class PageReader {
  private final Plan plan;

  /**
   * @param rowPath where the rows are ({@code JSONPath}/{@code XPath}/{@code RepeatElement}:
   *     {@code $.records}, {@code /records}, {@code /json/records}, {@code $.data[*]}); null or
   *     empty: a top-level array, else the first array of objects
   * @param columnPaths one {@code other:xPath} per output column: absolute ({@code /json/a/b}),
   *     relative to the row ({@code a/b}), with {@code name[n]} steps; an absolute path outside
   *     the rows is a document value repeated on every row
   * @param documentPaths extra document-level paths to capture ({@code /json/next}); reported in
   *     {@link Page#documentValues()}
   * @throws IllegalArgumentException when a path uses syntax this reader does not support
   *     ({@code ..}, filters, a wildcard inside a row path)
   */
  public PageReader(String rowPath, List<String> columnPaths, List<String> documentPaths) {
    List<NodePath> columns = new ArrayList<>();
    for (String column : columnPaths == null ? List.<String>of() : columnPaths) {
      columns.add(NodePath.parseColumnPath(column));
    }
    List<String> docKeys = documentPaths == null ? List.of() : List.copyOf(documentPaths);
    List<NodePath> docs = new ArrayList<>();
    for (String doc : docKeys) {
      docs.add(NodePath.parseDocumentPath(doc));
    }
    this.plan = new Plan(NodePath.parseRowPath(rowPath), rowPath, columns, docKeys, docs);
  }

  /**
   * Reads a whole body. Transport failures (including a body cut off by the connection) are
   * {@link IOException}s; a complete body that is not valid JSON, or whose row path holds a
   * scalar, is a {@link MalformedResponseException}. The stream is read to the end of the JSON
   * value and is not closed.
   */
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
          "Malformed JSON response: invalid character encoding: " + shorten(e.getMessage()), e);
    }
  }

  private static String describe(JsonProcessingException e) {
    StringBuilder sb = new StringBuilder("Malformed JSON response");
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      sb.append(" at line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
    }
    return sb.append(": ").append(shorten(e.getOriginalMessage())).toString();
  }

  /** Jackson's messages may quote a token of the body; keep them to one short line. */
  private static String shorten(String message) {
    if (message == null) {
      return "unreadable content";
    }
    String line = message.replaceAll("\\s+", " ").trim();
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }

  /** The compiled paths of a reader, shared read-only by its scans. */
  static final class Plan {
    private final NodePath rowPath;
    private final String rowPathText;
    private final List<NodePath> columns;
    private final List<String> documentPaths;
    private final RowLayout explicitLayout;
    private final PathNode documentRoot;
    /** Layouts for discovered row locations; in practice one per reader. */
    private final Map<NodePath, RowLayout> discovered = new ConcurrentHashMap<>();

    Plan(NodePath rowPath, String rowPathText, List<NodePath> columns,
        List<String> documentPaths, List<NodePath> docs) {
      this.rowPath = rowPath;
      this.rowPathText = rowPathText;
      this.columns = List.copyOf(columns);
      this.documentPaths = documentPaths;
      PathNode root = new PathNode();
      int n = columns.size();
      if (rowPath != null) {
        explicitLayout = RowLayout.of(rowPath, columns);
        for (int c : explicitLayout.documentColumns()) {
          root.descend(columns.get(c)).addSlot(c);
        }
        root.descend(rowPath).markRows();
      } else {
        // Which absolute columns are document values is known only once the rows are found:
        // the trie holds all of them, and those that turn out to lie inside the rows are
        // never reached outside the rows.
        // The document root itself always encloses the rows, and capturing it as text would
        // stop the search for them, so it is never a document target.
        explicitLayout = null;
        for (int c = 0; c < n; c++) {
          if (columns.get(c).isAbsolute() && !columns.get(c).steps().isEmpty()) {
            root.descend(columns.get(c)).addSlot(c);
          }
        }
      }
      for (int k = 0; k < docs.size(); k++) {
        if (rowPath != null || !docs.get(k).steps().isEmpty()) {
          root.descend(docs.get(k)).addSlot(n + k);
        }
      }
      this.documentRoot = root.freeze();
    }

    int columnCount() {
      return columns.size();
    }

    List<String> documentPaths() {
      return documentPaths;
    }

    PathNode documentRoot() {
      return documentRoot;
    }

    /** The layout for the given row path, or null when the rows must be discovered. */
    RowLayout explicitLayout() {
      return explicitLayout;
    }

    RowLayout layoutFor(NodePath discoveredRows) {
      return discovered.computeIfAbsent(discoveredRows, at -> RowLayout.of(at, columns));
    }

    String rowPathText() {
      return rowPath == null ? "" : rowPathText;
    }
  }
}
