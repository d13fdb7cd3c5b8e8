package org.apache.calcite.jdbc;

import java.sql.Types;
import java.util.Locale;

/**
 * COLUMN_SIZE, DECIMAL_DIGITS and CHAR_OCTET_LENGTH as JDBC defines them (DatabaseMetaData
 * getColumns), and the bare TYPE_NAME: Calcite reports -1 sizes and names such as
 * {@code DECIMAL(12, 2)} or {@code BIGINT NOT NULL}, which GUI and BI tools cannot use.
 */
record ColumnSizes(String typeName, Integer columnSize, Integer decimalDigits, Integer charOctetLength) {
  /** A VARCHAR without a profile {@code columnsize}: as long as a Java string can be. */
  static final int UNBOUNDED = Integer.MAX_VALUE;

  /**
   * @param calciteTypeName Calcite's full type name
   * @param precision the type's precision or length (-1 or null when unbounded)
   * @param scale the type's scale or fractional seconds (null or negative when none)
   */
  static ColumnSizes of(int jdbcType, String calciteTypeName, Integer precision, Integer scale) {
    String bare = bareName(calciteTypeName);
    int p = precision == null ? -1 : precision;
    int s = scale == null ? -1 : scale;
    switch (jdbcType) {
      case Types.VARCHAR:
      case Types.CHAR: {
        int length = p > 0 ? p : UNBOUNDED;
        return new ColumnSizes(bare, length, null, length > UNBOUNDED / 4 ? UNBOUNDED : length * 4);
      }
      case Types.BIGINT:
        return new ColumnSizes(bare, 19, 0, null);
      case Types.INTEGER:
        return new ColumnSizes(bare, 10, 0, null);
      case Types.SMALLINT:
        return new ColumnSizes(bare, 5, 0, null);
      case Types.TINYINT:
        return new ColumnSizes(bare, 3, 0, null);
      case Types.DOUBLE:
      case Types.FLOAT:
        return new ColumnSizes(bare, 15, null, null);
      case Types.REAL:
        return new ColumnSizes(bare, 7, null, null);
      case Types.DECIMAL:
      case Types.NUMERIC:
        return new ColumnSizes(bare, p > 0 ? p : 38, Math.max(s, 0), null);
      case Types.BOOLEAN:
        return new ColumnSizes(bare, 1, null, null);
      case Types.DATE:
        return new ColumnSizes(bare, 10, null, null);
      case Types.TIME: {
        int fraction = Math.max(s < 0 ? p : s, 0);
        return new ColumnSizes(bare, 8 + (fraction > 0 ? fraction + 1 : 0), fraction, null);
      }
      case Types.TIMESTAMP: {
        int fraction = Math.max(s < 0 ? p : s, 0);
        return new ColumnSizes(bare, 19 + (fraction > 0 ? fraction + 1 : 0), fraction, null);
      }
      default:
        return new ColumnSizes(bare, p > 0 ? p : null, s >= 0 ? s : null, null);
    }
  }

  /** {@code DECIMAL(12, 2) NOT NULL} is {@code DECIMAL}. */
  static String bareName(String typeName) {
    String name = typeName.toUpperCase(Locale.ROOT);
    int paren = name.indexOf('(');
    if (paren >= 0) {
      name = name.substring(0, paren);
    }
    return name.replace(" NOT NULL", "").trim();
  }
}
