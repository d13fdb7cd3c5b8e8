package dev.apiquery.sql;

import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * The API table field an output field of a plan reads (unchanged or cast), through filters and
 * projections down to an {@link ApiTableScan}. Calcite's column-origin metadata gives up on a scan that
 * projects (it cannot map the projection), which every trimmed API scan does.
 */
final class FieldOrigin {
  /** Plans deeper than this are not searched (a subset may reach itself through its own rels). */
  private static final int MAX_DEPTH = 8;

  private FieldOrigin() {}

  /** The field, or null when output {@code field} of {@code rel} is computed or not from an API table. */
  static TableField of(RelNode rel, int field) {
    return find(rel, field, 0);
  }

  private static TableField find(RelNode rel, int field, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (rel instanceof RelSubset subset) {
      for (RelNode member : subset.getRelList()) {
        TableField found = find(member, field, depth + 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (rel instanceof ApiTableScan scan) {
      return scan.apiTable.fields().get(scan.spec.tableField(field));
    }
    if (rel instanceof Filter filter) {
      return find(filter.getInput(), field, depth + 1);
    }
    if (rel instanceof Project project) {
      RexNode expr = project.getProjects().get(field);
      if (expr.getKind() == SqlKind.CAST) {
        // Calcite casts a join key to the other side's type (INTEGER input, BIGINT outer key):
        // the value sent is still the key's, as for a WHERE on the cast column.
        expr = ((RexCall) expr).getOperands().get(0);
      }
      return expr instanceof RexInputRef ref ? find(project.getInput(), ref.getIndex(), depth + 1) : null;
    }
    return null;
  }
}
