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

  /**
   * Whether {@code WHERE field = value} can become a request parameter: an input, a column that
   * also names an input, or a column with {@code other:filter}.
   */
  public boolean pushable() {
    return inputDef != null || (filter != null && !filter.isBlank());
  }
}
