package dev.apiquery.sql;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A value pushed into a scan that is only known when the statement runs: a dynamic parameter
 * ({@code ?}, {@code index} is its 0-based position in the statement), or a field of the outer row
 * of a lookup join ({@code $cor0.id}: {@code correlation} names the variable, {@code index} is the
 * field of the outer row, {@code label} its name). {@code type} is the SQL type of the value, which
 * says how it is written into a request.
 */
public record PushedParameter(int index, SqlTypeName type, String correlation, String label) {

  /** A dynamic parameter {@code ?}. */
  public PushedParameter(int index, SqlTypeName type) {
    this(index, type, null, null);
  }

  /** A field of the row a correlation variable stands for. */
  static PushedParameter correlated(String correlation, int field, String label, SqlTypeName type) {
    return new PushedParameter(field, type, correlation, label);
  }

  /** Whether the value comes from a correlation variable (a lookup join's outer row). */
  public boolean isCorrelated() {
    return correlation != null;
  }

  @Override
  public String toString() {
    return isCorrelated() ? correlation + "." + label : "?" + index;
  }
}
