package dev.apiquery.sql;

import dev.apiquery.http.Exchange;
import dev.apiquery.profile.DataType;
import dev.apiquery.profile.TableDef;
import dev.apiquery.profile.script.RsdScript;
import dev.apiquery.scan.ConnectionContext;
import dev.apiquery.scan.ScanSetup;
import dev.apiquery.scan.ScriptShape;
import dev.apiquery.value.RowConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything about one scan that does not change from page to page: which output field comes
 * from which extracted column or input, and which columns each response row is read into (only
 * the projected ones when the script is simple, every column when the script's own logic may
 * read them). Built once per execution.
 */
final class ScanPlan {
  final ApiTable table;
  final ApiQuerySpec spec;
  final ScriptShape shape;
  final ScanSetup setup;
  /** Per output field: the table field. */
  final List<TableField> outputFields;
  /** Per output field: index into the extracted columns, or -1 for an input. */
  final int[] extractIndex;
  /** Per output field: index into {@link TableDef#inputs()}, or -1 for a column. */
  final int[] inputIndex;
  /** The item attribute that holds the extra document path's value (no column can be named so). */
  static final String DOCUMENT_VALUE = " document value";
  /** The output field that is {@code _row}, or -1. */
  final int rowField;

  ScanPlan(ApiTable table, ApiQuerySpec spec, ConnectionContext context) {
    this(table, spec, context, null);
  }

  /**
   * @param documentPath one more path to read from every response row (a page's total count), as
   *     the attribute {@link #DOCUMENT_VALUE}; or null
   */
  ScanPlan(ApiTable table, ApiQuerySpec spec, ConnectionContext context, String documentPath) {
    this.table = table;
    this.spec = spec;
    TableDef def = table.definition();
    RsdScript script = (RsdScript) def.script();
    this.shape = ScriptShape.of(script);
    int columnCount = def.columns().size();
    List<Integer> extracted = new ArrayList<>();
    if (!shape.simple()) {
      for (int c = 0; c < columnCount; c++) {
        extracted.add(c);
      }
    }
    List<TableField> out = new ArrayList<>();
    extractIndex = new int[spec.fieldCount()];
    inputIndex = new int[spec.fieldCount()];
    int row = -1;
    for (int i = 0; i < spec.fieldCount(); i++) {
      int tableField = spec.tableField(i);
      TableField field = table.fields().get(tableField);
      out.add(field);
      if (field.rowPosition()) {
        row = i;
        extractIndex[i] = -1;
        inputIndex[i] = -1;
      } else if (tableField < columnCount) {
        // A column, also when it shares its name with an input: its value comes from the body.
        int existing = extracted.indexOf(tableField);
        if (existing < 0) {
          existing = extracted.size();
          extracted.add(tableField);
        }
        extractIndex[i] = existing;
        inputIndex[i] = -1;
      } else {
        extractIndex[i] = -1;
        inputIndex[i] = def.inputs().indexOf(field.inputDef());
      }
    }
    this.rowField = row;
    this.outputFields = List.copyOf(out);
    List<String> names = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    // Converted ahead: the extracted columns the output reads (a script may need them all raw).
    List<DataType> types = new ArrayList<>();
    List<Integer> scales = new ArrayList<>();
    for (int e = 0; e < extracted.size(); e++) {
      int c = extracted.get(e);
      names.add(def.columns().get(c).name());
      paths.add(def.columns().get(c).xPath());
      boolean output = false;
      for (int index : extractIndex) {
        output |= index == e;
      }
      TableField field = table.fields().get(c);
      types.add(output ? field.type() : null);
      scales.add(field.decimalDigits());
    }
    if (documentPath != null) {
      names.add(DOCUMENT_VALUE);
      paths.add(documentPath);
    }
    Exchange fetcher = new Exchange(context.http(), def.name(), context.retry(), context.rateLimit());
    this.setup = new ScanSetup(def.name(), context, fetcher, names, paths, script.filters(),
        shape.scriptedPaging(), new RowConverter(types, scales, extractIndex));
  }

  String tableName() {
    return table.definition().name();
  }
}
