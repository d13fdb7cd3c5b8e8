package dev.apiquery.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's standard convertlet table, reached only when a statement has a call to convert:
 * building it initialises every operator Calcite knows (its library of other databases'
 * functions too), which a plain {@code SELECT a, b FROM t LIMIT 10} never needs.
 */
public final class LazyConvertletTable implements SqlRexConvertletTable {
  public static final LazyConvertletTable INSTANCE = new LazyConvertletTable();

  private LazyConvertletTable() {}

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    return StandardConvertletTable.INSTANCE.get(call);
  }
}
