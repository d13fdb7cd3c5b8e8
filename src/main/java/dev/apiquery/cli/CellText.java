package dev.apiquery.cli;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** The text of one value for the text formats (table, CSV): null for SQL NULL. */
final class CellText {
  private CellText() {}

  /**
   * @param scale the column's declared scale ({@code ResultSetMetaData.getScale}); decimals are
   *     shown with at least that many digits after the point ({@code 119.00}, not {@code 119})
   */
  static String of(ResultSet rows, int column, int sqlType, int scale) throws SQLException {
    if (sqlType == Types.DECIMAL || sqlType == Types.NUMERIC) {
      BigDecimal value = decimal(rows, column, scale);
      return value == null ? null : value.toPlainString();
    }
    return rows.getString(column);
  }

  /**
   * A decimal value padded with zeros to the column's scale: a JSON value {@code 119.00} may
   * reach the result set as {@code 119}. Never rounds: a value with more digits keeps them.
   */
  static BigDecimal decimal(ResultSet rows, int column, int scale) throws SQLException {
    BigDecimal value = rows.getBigDecimal(column);
    if (value != null && scale > 0 && value.scale() < scale) {
      value = value.setScale(scale);
    }
    return value;
  }

  static boolean isNumeric(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC,
          Types.REAL, Types.FLOAT, Types.DOUBLE -> true;
      default -> false;
    };
  }
}
