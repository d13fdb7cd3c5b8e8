package dev.apiquery.scan;

import dev.apiquery.json.PageReader;
import java.util.List;
import java.util.Locale;

/**
 * The one place the executor gets a response reader from. It passes everything a reader needs
 * as the profile wrote it (the operation, the raw row-path attribute, the raw {@code DataModel},
 * the column and document paths), so that switching to another reader family is a change here
 * only.
 */
final class ReaderFactory {
  private ReaderFactory() {}

  /**
   * @param operation the provider operation ({@code jsonproviderget}, {@code xmlproviderget}, ...)
   * @param rowPath {@code JSONPath}/{@code XPath}/{@code RepeatElement} as set, or null
   * @param dataModel {@code DataModel} as set, or null
   * @throws IllegalArgumentException on a path or data model this reader cannot read
   */
  static PageReader create(String operation, String rowPath, String dataModel, List<String> columnPaths,
      List<String> documentPaths) {
    if (dataModel != null && !dataModel.isBlank()
        && !dataModel.trim().toLowerCase(Locale.ROOT).equals("document")) {
      throw new IllegalArgumentException("DataModel '" + dataModel.trim() + "' is not supported by this "
          + "reader (only Document)");
    }
    return new PageReader(rowPath, columnPaths, documentPaths);
  }
}
