package dev.apiquery.scan;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.script.SelectStatement;
import java.sql.SQLException;
import java.util.List;

/** {@code api:select}: the first matching {@code api:case}, else {@code api:default}. */
final class SelectOp implements Op {
  private final SelectStatement select;
  private final List<Op> branches;
  private final Op otherwise;

  SelectOp(SelectStatement select, List<Op> branches, Op otherwise) {
    this.select = select;
    this.branches = List.copyOf(branches);
    this.otherwise = otherwise;
  }

  @Override
  public Cursor open(Frame frame) throws SQLException {
    int chosen;
    try {
      chosen = select.choose(frame.items);
    } catch (ProfileException e) {
      throw frame.error(e);
    }
    return (chosen < 0 ? otherwise : branches.get(chosen)).open(frame);
  }
}
