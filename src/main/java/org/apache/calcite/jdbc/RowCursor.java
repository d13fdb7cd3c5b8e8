package org.apache.calcite.jdbc;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.calcite.avatica.util.ArrayIteratorCursor;

/**
 * Avatica's cursor over a query's {@code Object[]} rows, which also hands out the current row's
 * values by position. Avatica reaches a value through the column's accessor and getter (two
 * interface calls per value, each value type-dispatched again); {@code getObject} of a plain column
 * needs only the row's own object, so it reads it here, recording {@code wasNull} as Avatica's
 * getters do.
 */
final class RowCursor extends ArrayIteratorCursor {
  RowCursor(Iterator<Object[]> rows) {
    super(rows);
  }

  /**
   * The current row's value of column {@code index} (0-based, checked by the caller); fails as
   * Avatica's getters do when the cursor is not on a row.
   */
  Object value(int index) throws SQLException {
    Object[] row;
    try {
      row = current();
    } catch (NoSuchElementException e) {
      throw new SQLException(e);
    }
    Object value = row[index];
    wasNull[0] = value == null;
    return value;
  }
}
