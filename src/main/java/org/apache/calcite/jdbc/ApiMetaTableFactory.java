package org.apache.calcite.jdbc;

import dev.apiquery.sql.ApiTable;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.schema.Table;

/** Table metadata with REMARKS from the profile's {@code api:info desc}. */
final class ApiMetaTableFactory implements CalciteMetaTableFactory {
  static final ApiMetaTableFactory INSTANCE = new ApiMetaTableFactory();

  @Override
  public MetaImpl.MetaTable createTable(Table table, String tableCat, String tableSchem, String tableName) {
    String remarks = null;
    if (table instanceof ApiTable apiTable) {
      remarks = apiTable.definition().description();
      if (remarks == null) {
        remarks = apiTable.definition().title();
      }
    }
    return new ApiMetaTable(table, tableCat, tableSchem, tableName, remarks);
  }

  @Override
  public Class<? extends MetaImpl.MetaTable> getMetaTableClass() {
    return ApiMetaTable.class;
  }

  /** Avatica reads the row by field name; this {@code remarks} hides the always-null one. */
  public static final class ApiMetaTable extends CalciteMetaImpl.CalciteMetaTable {
    public final String remarks;

    ApiMetaTable(Table table, String tableCat, String tableSchem, String tableName, String remarks) {
      super(table, tableCat, tableSchem, tableName);
      this.remarks = remarks;
    }
  }
}
