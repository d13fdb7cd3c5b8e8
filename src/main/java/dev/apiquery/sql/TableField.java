package dev.apiquery.sql;

import dev.apiquery.profile.ColumnDef;
import dev.apiquery.profile.DataType;
import dev.apiquery.profile.InputDef;

/**
 * A field of an {@link ApiTable}: an output column read from the response, or an input whose
 * value the query supplies.
 *
 * @param input true for a pure input field, whose value is the one the query supplied
 * @param filter the {@code other:filter} target, or null when a WHERE on it cannot reach the API
 * @param inputDef the input this field sets, also for a column that shares its name; or null
 */
public record TableField(
    String name,
    DataType type,
    boolean input,
    String filter,
    Integer columnSize,
    Integer decimalDigits,
    String description,
    ColumnDef column,
    InputDef inputDef) {

  /** The name of the row-position pseudo-column every table has. */
  public static final String ROW_NAME = "_row";

  /** {@code _row}: the 0-based position of a row in its request chain, counted by the scan. */
  static final TableField ROW = new TableField(ROW_NAME, DataType.BIGINT, false, null, null, null,
      "Row position: the 0-based position of the row in the endpoint's natural order (per set of input "
          + "values). WHERE _row >= a AND _row < b reads only those rows; with offset or page-number paging "
          + "the scan starts at the page holding row a (Spark: partitionColumn=_row)",
      null, null);

  static TableField of(ColumnDef c) {
    return new TableField(
        c.name(), c.type(), false, c.filter(), c.columnSize(), c.decimalDigits(), c.description(), c, null);
  }

  static TableField of(InputDef i) {
    return new TableField(i.name(), i.type(), true, i.filter(), null, null, i.description(), null, i);
  }

  /** The same column, also carrying an input of the same name. */
  TableField withInput(InputDef i) {
    return new TableField(name, type, false, filter != null ? filter : i.filter(), columnSize, decimalDigits,
        description != null ? description : i.description(), column, i);
  }

  /** Whether this is {@code _row}, the one field that is neither read from a response nor an input. */
  public boolean rowPosition() {
    return column == null && inputDef == null;
  }

  /**
   * Whether {@code WHERE field = value} can become a request parameter: an input, a column that
   * also names an input, or a column with {@code other:filter}.
   */
  public boolean pushable() {
    return inputDef != null || (filter != null && !filter.isBlank());
  }
}
