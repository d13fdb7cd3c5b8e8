package dev.apiquery.sql;

import dev.apiquery.profile.Invocation;
import dev.apiquery.profile.TableDef;
import dev.apiquery.response.DataModel;
import dev.apiquery.response.ReadSpec;
import dev.apiquery.response.ResponseFormat;
import dev.apiquery.response.ResponseReader;
import dev.apiquery.response.ResponseReaders;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything about one scan that does not change from page to page: which output field comes
 * from which extracted column or input, and the reader that extracts only those columns.
 * Built once per execution.
 */
final class ScanPlan {
  final ApiTable table;
  final ApiQuerySpec spec;
  /** Per output field: the table field. */
  final List<TableField> outputFields;
  /** Per output field: index into the reader's columns, or -1 for an input. */
  final int[] extractIndex;
  /** Per output field: index into {@link TableDef#inputs()}, or -1 for a column. */
  final int[] inputIndex;
  /** Table field ordinals of the extracted columns, in reader order. */
  final List<Integer> extractedColumns;
  private final List<String> columnPaths;

  ScanPlan(ApiTable table, ApiQuerySpec spec) {
    this.table = table;
    this.spec = spec;
    TableDef def = table.definition();
    int columnCount = def.columns().size();
    List<TableField> out = new ArrayList<>();
    List<Integer> extracted = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    extractIndex = new int[spec.fieldCount()];
    inputIndex = new int[spec.fieldCount()];
    for (int i = 0; i < spec.fieldCount(); i++) {
      int tableField = spec.tableField(i);
      TableField field = table.fields().get(tableField);
      out.add(field);
      if (tableField < columnCount) {
        // A column, also when it shares its name with an input: its value comes from the body.
        int existing = extracted.indexOf(tableField);
        if (existing < 0) {
          existing = extracted.size();
          extracted.add(tableField);
          paths.add(def.columns().get(tableField).xPath());
        }
        extractIndex[i] = existing;
        inputIndex[i] = -1;
      } else {
        extractIndex[i] = -1;
        inputIndex[i] = def.inputs().indexOf(field.inputDef());
      }
    }
    this.outputFields = List.copyOf(out);
    this.extractedColumns = List.copyOf(extracted);
    this.columnPaths = List.copyOf(paths);
  }

  String tableName() {
    return table.definition().name();
  }

  /** How many columns the reader extracts for the output; a pager's row paths come after them. */
  int extractedCount() {
    return columnPaths.size();
  }

  /**
   * The reader for the call's response: JSON or XML by the call's operation, rows where its
   * {@code JSONPath}/{@code XPath}/{@code RepeatElement} points, combined as its
   * {@code DataModel} says, extracting the projected columns and then the paging strategy's own
   * row paths.
   */
  ResponseReader reader(Invocation invocation, List<String> documentPaths,
      List<String> pagerRowPaths) throws SQLException {
    List<String> paths = new ArrayList<>(columnPaths);
    paths.addAll(pagerRowPaths);
    try {
      return ResponseReaders.create(new ReadSpec(
          ResponseFormat.forOperation(invocation.operation()), rowPath(invocation),
          DataModel.parse(invocation.attribute("DataModel")), paths, documentPaths));
    } catch (IllegalArgumentException e) {
      throw ScanErrors.of(tableName(), "bad response settings in "
          + table.definition().location().file() + ": " + e.getMessage(), ScanErrors.GENERAL, null);
    }
  }

  private static String rowPath(Invocation invocation) {
    for (String name : new String[] {"JSONPath", "XPath", "RepeatElement"}) {
      String value = invocation.attribute(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
