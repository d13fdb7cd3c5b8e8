package dev.apiquery.sql;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A dynamic parameter ({@code ?}) pushed into a scan: its 0-based index in the statement and the
 * SQL type Calcite inferred for it (the column's), which says how its value is written into a
 * request.
 */
public record PushedParameter(int index, SqlTypeName type) {
  @Override
  public String toString() {
    return "?" + index;
  }
}
