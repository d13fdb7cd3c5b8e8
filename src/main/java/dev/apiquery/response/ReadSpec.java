package dev.apiquery.response;

import java.util.List;

/**
 * What to read from a response body.
 *
 * @param format JSON or XML ({@link ResponseFormat#forOperation})
 * @param rowPath the raw row path attribute ({@code JSONPath}, {@code XPath} or
 *     {@code RepeatElement}), possibly several paths separated by {@code ;}; null or blank: a
 *     top-level JSON array, else the first array of objects, else the top-level object as one row
 * @param dataModel how several or nested row paths combine
 * @param columnPaths one {@code other:xPath} per output column, absolute or relative to the row
 * @param documentPaths document-level paths to capture (paging's {@code /json/next}), reported
 *     in {@link Page#documentValues()} under the path as given
 */
public record ReadSpec(ResponseFormat format, String rowPath, DataModel dataModel,
    List<String> columnPaths, List<String> documentPaths) {
  public ReadSpec {
    columnPaths = columnPaths == null ? List.of() : List.copyOf(columnPaths);
    documentPaths = documentPaths == null ? List.of() : List.copyOf(documentPaths);
    dataModel = dataModel == null ? DataModel.DOCUMENT : dataModel;
    format = format == null ? ResponseFormat.JSON : format;
  }
}
