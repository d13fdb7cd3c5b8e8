package dev.apiquery.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * A comparison of {@code _row} with a number or a dynamic parameter ({@code _row >= 12500},
 * {@code _row < ?}, and Spark's first-partition {@code _row < 12500 OR _row IS NULL}: {@code _row}
 * is never null), as
 * the {@link RowRange} it keeps. {@link FilterIntoScanRule} folds such conjuncts into the scan,
 * which applies the range itself (starting at the page that holds its first row where the paging
 * allows, stopping after its last), so they leave the filter.
 */
final class RowRangePredicate {
  /** The comparisons that keep a range of positions ({@link #range}). */
  private static final Set<SqlKind> RANGES = EnumSet.of(SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
      SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.EQUALS);

  private RowRangePredicate() {}

  /**
   * The range a conjunct keeps (with a {@link RowRange.Bound} for a parameter), or null when it
   * is not a comparison of {@code _row} with a number or a parameter.
   */
  static RowRange match(RexNode node, ApiTableScan scan) {
    if (node.getKind() == SqlKind.OR) {
      // _row < b OR _row IS NULL: the second half never holds.
      RowRange found = null;
      for (RexNode operand : ((RexCall) node).getOperands()) {
        if (operand.getKind() == SqlKind.IS_NULL && isRow(((RexCall) operand).getOperands().get(0), scan)) {
          continue;
        }
        if (found != null) {
          return null;
        }
        found = comparison(operand, scan);
        if (found == null) {
          return null;
        }
      }
      return found;
    }
    return comparison(node, scan);
  }

  private static RowRange comparison(RexNode node, ApiTableScan scan) {
    if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
      return null;
    }
    SqlKind kind = call.getKind();
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (!isRow(left, scan)) {
      if (!isRow(right, scan)) {
        return null;
      }
      kind = kind.reverse();
      RexNode swap = left;
      left = right;
      right = swap;
    }
    BigDecimal value = number(right);
    if (value != null) {
      return range(kind, value);
    }
    Integer parameter = parameter(right);
    if (parameter != null && RANGES.contains(kind)) {
      return new RowRange(0, -1, List.of(new RowRange.Bound(kind, parameter))); // bound when it runs
    }
    return null;
  }

  /** The rows {@code _row <kind> value} keeps, or null for a comparison that is not a range. */
  static RowRange range(SqlKind kind, BigDecimal value) {
    switch (kind) {
      case GREATER_THAN_OR_EQUAL:
        return new RowRange(atLeastZero(value.setScale(0, RoundingMode.CEILING)), -1);
      case GREATER_THAN:
        return new RowRange(atLeastZero(value.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)), -1);
      case LESS_THAN:
        return new RowRange(0, atLeastZero(value.setScale(0, RoundingMode.CEILING)));
      case LESS_THAN_OR_EQUAL:
        return new RowRange(0, atLeastZero(value.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)));
      case EQUALS:
        if (value.stripTrailingZeros().scale() > 0 || value.signum() < 0) {
          return new RowRange(0, 0);
        }
        return new RowRange(value.longValueExact(), value.longValueExact() + 1);
      default:
        return null;
    }
  }

  /** A bound as a position: below 0 is 0, beyond a long is the largest long. */
  private static long atLeastZero(BigDecimal bound) {
    if (bound.signum() < 0) {
      return 0;
    }
    return bound.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : bound.longValueExact();
  }

  private static BigDecimal number(RexNode node) {
    RexNode bare = node.getKind() == SqlKind.CAST ? ((RexCall) node).getOperands().get(0) : node;
    if (bare instanceof RexLiteral literal && !literal.isNull()
        && literal.getValue() instanceof BigDecimal value) {
      return value;
    }
    return null;
  }

  /** The index of a dynamic parameter ({@code ?}), also under a CAST; else null. */
  private static Integer parameter(RexNode node) {
    RexNode bare = node.getKind() == SqlKind.CAST ? ((RexCall) node).getOperands().get(0) : node;
    return bare instanceof RexDynamicParam param ? param.getIndex() : null;
  }

  /** {@code _row}, also under a CAST that Calcite adds when the literal's type differs. */
  private static boolean isRow(RexNode node, ApiTableScan scan) {
    RexNode bare = node.getKind() == SqlKind.CAST ? ((RexCall) node).getOperands().get(0) : node;
    return bare instanceof RexInputRef ref
        && scan.apiTable.fields().get(scan.spec.tableField(ref.getIndex())).rowPosition();
  }
}
