package dev.apiquery.sql;

import dev.apiquery.sql.PlainSelect.Name;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The preparation of a {@link PlainSelect}, without Calcite's parser, validator or planner: the
 * signature Calcite's preparation makes for it (the same columns, row type and metadata), whose
 * rows come from the scan Calcite's plan would run ({@link DirectBindable}, the spec its rules
 * would push: projection, {@code _row} range, LIMIT/OFFSET, the statement's max rows; for
 * {@code SELECT 1}, the constant for each row of that scan). In a fresh JVM Calcite's first
 * preparation costs about a second of CPU (its operator table, metadata providers, rules and
 * their classes), more than the rest of a first {@code LIMIT 10}.
 *
 * <p>Names resolve as Calcite resolves them here (lex MYSQL_ANSI, {@link QuotedNames}): unquoted
 * ones case-insensitively, quoted ones exactly. A name that matches nothing, or more than one
 * table or column case-insensitively, a table that is not an API table or whose profile is
 * broken, or a column selected twice is left to Calcite (null), which reports the error or
 * resolves the ambiguity as before.
 * {@code PlainPrepareTest} runs each query both ways and compares what a client sees.
 */
final class PlainPrepare {
  /** The comparisons of a row bound, as Calcite's filter has them ({@link RowRangePredicate#range}). */
  private static final Map<String, SqlKind> KINDS = Map.of(">=", SqlKind.GREATER_THAN_OR_EQUAL,
      ">", SqlKind.GREATER_THAN, "<", SqlKind.LESS_THAN, "<=", SqlKind.LESS_THAN_OR_EQUAL, "=", SqlKind.EQUALS);

  /** Calcite's label for the first column that is an expression. */
  private static final String CONSTANT_LABEL = "EXPR$0";

  private PlainPrepare() {}

  /** The signature of the text if it is a plain query on an API table, or null. */
  static CalcitePrepare.CalciteSignature<Object> prepare(CalcitePrepare.Context context, String sql, long maxRows) {
    PlainSelect select = sql == null ? null : PlainSelect.parse(sql);
    if (select == null || maxRows == 0) {
      return null; // a max rows of 0 is planned as no rows at all: Calcite's
    }
    CalciteSchema schema = schema(context, select.table());
    String tableName = schema == null ? null : match(schema.getTableNames(), select.table().get(select.table().size() - 1));
    CalciteSchema.TableEntry entry = tableName == null ? null : schema.getTable(tableName, true);
    Table table = entry == null ? null : entry.getTable();
    if (!(table instanceof ApiTable apiTable) || apiTable.definition().isBroken()) {
      return null; // a broken profile's error (file and line) is raised where Calcite plans its scan
    }
    JavaTypeFactory typeFactory = context.getTypeFactory();
    RelDataType tableType = apiTable.getRowType(typeFactory);
    List<RelDataTypeField> fields = tableType.getFieldList();
    ApiQuerySpec spec = ApiQuerySpec.all(fields.size());
    RelDataType rowType = tableType;
    if (select.constant() != null) {
      // Calcite's label and type for a literal integer column; the scan returns just _row.
      rowType = typeFactory.builder().add(CONSTANT_LABEL, SqlTypeName.INTEGER).build();
      spec = spec.withProjects(new int[] {rowField(apiTable)});
    } else if (select.columns() != null) {
      RelDataTypeFactory.Builder builder = typeFactory.builder();
      int[] projects = new int[select.columns().size()];
      Set<String> labels = new HashSet<>();
      for (int k = 0; k < projects.length; k++) {
        Name column = select.columns().get(k);
        String fieldName = match(tableType.getFieldNames(), column);
        if (fieldName == null || !labels.add(column.text().toUpperCase(Locale.ROOT))) {
          return null; // unknown, ambiguous, or twice (Calcite renames a repeated label)
        }
        RelDataTypeField field = tableType.getField(fieldName, true, false);
        projects[k] = field.getIndex();
        builder.add(column.text(), field.getType()); // labelled as written, as Calcite's validator does
      }
      spec = spec.withProjects(projects);
      rowType = builder.build();
    }
    for (PlainSelect.RowBound bound : select.rows()) {
      String fieldName = match(tableType.getFieldNames(), bound.column());
      if (fieldName == null || !apiTable.fields().get(tableType.getField(fieldName, true, false).getIndex()).rowPosition()) {
        return null; // a filter on another column: Calcite's
      }
      spec = spec.withRowRange(RowRangePredicate.range(KINDS.get(bound.op()), BigDecimal.valueOf(bound.value())));
    }
    if (spec.rowRange().isEmpty()) {
      return null; // Calcite proves such a filter false, and plans no scan at all
    }
    if (select.fetch() >= 0 || select.offset() > 0) {
      spec = spec.withOffsetAndFetch(select.offset(), select.fetch());
    }
    if (maxRows > 0) {
      spec = spec.withOffsetAndFetch(0, maxRows); // as the LIMIT MaxRowsPrepare puts on top
    }
    DirectBindable bindable = select.empty() ? DirectBindable.empty(rowType, typeFactory)
        : select.constant() != null ? DirectBindable.constant(apiTable, spec, select.constant(), rowType, typeFactory)
        : DirectBindable.scan(apiTable, spec, rowType, typeFactory);
    List<ColumnMetaData> columns = select.constant() != null
        ? columns(typeFactory, rowType, null, null, null, null)
        : columns(typeFactory, rowType, spec, fields, schema.name, tableName);
    return new CalcitePrepare.CalciteSignature<>(sql, List.of(), new LinkedHashMap<>(), rowType, columns,
        Meta.CursorFactory.deduce(columns, (Class<?>) bindable.getElementType()), context.getRootSchema(), List.of(), -1,
        bindable, Meta.StatementType.SELECT);
  }

  /**
   * The schema a table name is looked up in: the default schema for one part, a schema of the
   * root for two (Calcite looks in the default schema's sub-schemas first: an API schema has none).
   */
  private static CalciteSchema schema(CalcitePrepare.Context context, List<Name> table) {
    CalciteSchema root = context.getRootSchema();
    CalciteSchema schema = root;
    for (String part : context.getDefaultSchemaPath()) {
      schema = schema == null ? null : schema.getSubSchema(part, true);
    }
    if (schema == null || schema == root || table.size() == 1) {
      return schema == root ? null : schema;
    }
    if (!schema.getSubSchemaMap().isEmpty()) {
      return null;
    }
    String name = match(root.getSubSchemaMap().keySet(), table.get(0));
    return name == null ? null : root.getSubSchema(name, true);
  }

  /** The one candidate the name matches (quoted: exactly), or null for none or several. */
  private static String match(Iterable<String> candidates, Name name) {
    String found = null;
    for (String candidate : candidates) {
      if (candidate.equalsIgnoreCase(name.text())) {
        if (found != null) {
          return null;
        }
        found = candidate;
      }
    }
    return found == null || name.quoted() && !found.equals(name.text()) ? null : found;
  }

  /** The table's {@code _row} field. */
  private static int rowField(ApiTable table) {
    for (int i = 0; i < table.fields().size(); i++) {
      if (table.fields().get(i).rowPosition()) {
        return i;
      }
    }
    throw new IllegalStateException("no _row field in " + table.definition().name());
  }

  /**
   * Calcite's column metadata for the query's columns (all scalar), each from its table column,
   * or from none (a constant: spec null, and no column, table or schema name).
   */
  private static List<ColumnMetaData> columns(JavaTypeFactory typeFactory, RelDataType rowType, ApiQuerySpec spec,
      List<RelDataTypeField> tableFields, String schemaName, String tableName) {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (RelDataTypeField field : rowType.getFieldList()) {
      RelDataType type = field.getType();
      SqlTypeName typeName = type.getSqlTypeName();
      ColumnMetaData.AvaticaType avaticaType = ColumnMetaData.scalar(typeName.getJdbcOrdinal(), typeName.getName(),
          ColumnMetaData.Rep.of(typeFactory.getJavaClass(type)));
      String columnName = spec == null ? null : tableFields.get(spec.tableField(field.getIndex())).getName();
      columns.add(new ColumnMetaData(field.getIndex(), false, true, false, false,
          type.isNullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
          !SqlTypeName.UNSIGNED_TYPES.contains(typeName), type.getPrecision(), field.getName(), columnName,
          schemaName, type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : type.getPrecision(),
          type.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? 0 : type.getScale(), tableName, null, avaticaType,
          true, false, false, avaticaType.columnClassName()));
    }
    return columns;
  }
}
