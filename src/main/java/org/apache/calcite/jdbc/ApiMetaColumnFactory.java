package org.apache.calcite.jdbc;

import dev.apiquery.sql.ApiTable;
import dev.apiquery.sql.TableField;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.schema.Table;

/**
 * Column metadata with REMARKS from the profile's {@code desc} of each attr and input, and sizes
 * and type names as JDBC defines them ({@link ColumnSizes}).
 */
final class ApiMetaColumnFactory implements CalciteMetaColumnFactory {
  static final ApiMetaColumnFactory INSTANCE = new ApiMetaColumnFactory();

  @Override
  public MetaImpl.MetaColumn createColumn(
      Table table, String tableCat, String tableSchem, String tableName, String columnName,
      int dataType, String typeName, Integer columnSize, Integer decimalDigits, int numPrecRadix,
      int nullable, Integer charOctetLength, int ordinalPosition, String isNullable) {
    String remarks = null;
    if (table instanceof ApiTable apiTable && ordinalPosition >= 1
        && ordinalPosition <= apiTable.fields().size()) {
      TableField field = apiTable.fields().get(ordinalPosition - 1);
      remarks = field.description();
      if (field.input()) {
        // SQL clients show REMARKS as a tooltip: say how the column is meant to be used.
        String role = "Input: set it with WHERE " + field.name() + " = value"
            + (field.inputDef().required() ? " (required)" : "");
        remarks = remarks == null || remarks.isBlank() ? role : remarks + ". " + role;
      }
    }
    ColumnSizes sizes = ColumnSizes.of(dataType, typeName, columnSize, decimalDigits);
    return new ApiMetaColumn(tableCat, tableSchem, tableName, columnName, dataType, sizes.typeName(),
        sizes.columnSize(), sizes.decimalDigits(), numPrecRadix, nullable, sizes.charOctetLength(), ordinalPosition,
        isNullable, remarks);
  }

  @Override
  public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
    return ApiMetaColumn.class;
  }

  /** Avatica reads the row by field name; this {@code remarks} hides the always-null one. */
  public static final class ApiMetaColumn extends MetaImpl.MetaColumn {
    public final String remarks;

    ApiMetaColumn(String tableCat, String tableSchem, String tableName, String columnName, int dataType,
        String typeName, Integer columnSize, Integer decimalDigits, Integer numPrecRadix, int nullable,
        Integer charOctetLength, int ordinalPosition, String isNullable, String remarks) {
      super(tableCat, tableSchem, tableName, columnName, dataType, typeName, columnSize, decimalDigits,
          numPrecRadix, nullable, charOctetLength, ordinalPosition, isNullable, "NO", "NO");
      this.remarks = remarks;
    }
  }
}
