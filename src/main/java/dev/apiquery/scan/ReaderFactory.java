package dev.apiquery.scan;

import dev.apiquery.response.DataModel;
import dev.apiquery.response.ReadSpec;
import dev.apiquery.response.ResponseFormat;
import dev.apiquery.response.ResponseReader;
import dev.apiquery.response.ResponseReaders;
import java.util.List;

/**
 * The one place the executor gets a response reader from: JSON or XML by the call's operation,
 * rows where its {@code JSONPath}/{@code XPath}/{@code RepeatElement} points, combined as its
 * {@code DataModel} says.
 */
final class ReaderFactory {
  private ReaderFactory() {}

  /**
   * @param operation the provider operation ({@code jsonproviderget}, {@code xmlproviderget}, ...)
   * @param rowPath {@code JSONPath}/{@code XPath}/{@code RepeatElement} as set, or null
   * @param dataModel {@code DataModel} as set, or null
   * @throws IllegalArgumentException on a path or data model the readers cannot read
   */
  static ResponseReader create(String operation, String rowPath, String dataModel, List<String> columnPaths,
      List<String> documentPaths) {
    return ResponseReaders.create(new ReadSpec(
        ResponseFormat.forOperation(operation), rowPath, DataModel.parse(dataModel), columnPaths, documentPaths));
  }
}
