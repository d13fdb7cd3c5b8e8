package dev.apiquery.scan;

import dev.apiquery.http.Exchange;
import dev.apiquery.profile.script.FilterTargets;
import dev.apiquery.value.RowConverter;
import java.util.List;

/**
 * What every provider call of one scan shares: the table, the connection, the fetcher, and the
 * columns each response row is read into.
 *
 * @param columnNames the extracted columns' names, in reader order
 * @param columnPaths their {@code other:xPath}s
 * @param scriptedPaging how the script pages itself, for EXPLAIN ({@link ScriptShape#scriptedPaging}), or null
 * @param converter converts the extracted columns of the row call's pages to their SQL types
 */
public record ScanSetup(String table, ConnectionContext context, Exchange fetcher, List<String> columnNames,
    List<String> columnPaths, FilterTargets filters, String scriptedPaging, RowConverter converter) {
  public ScanSetup {
    columnNames = List.copyOf(columnNames);
    columnPaths = List.copyOf(columnPaths);
  }
}
