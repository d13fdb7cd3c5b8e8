package dev.apiquery.sql;

import dev.apiquery.profile.ColumnDef;
import dev.apiquery.profile.DataType;
import dev.apiquery.profile.InputDef;

/**
 * A field of an {@link ApiTable}: an output column read from the response, or an input whose
 * value the query supplies.
 *
 * @param filter the {@code other:filter} target, or null when a WHERE on it cannot reach the API
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

  /** Whether {@code WHERE field = value} can become a request parameter. */
  public boolean pushable() {
    return input || (filter != null && !filter.isBlank());
  }
}
