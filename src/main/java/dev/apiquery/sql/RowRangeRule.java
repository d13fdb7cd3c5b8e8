package dev.apiquery.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Folds comparisons of {@code _row} with numbers ({@code _row >= 12500 AND _row < 25000}, and
 * Spark's first-partition {@code _row < 12500 OR _row IS NULL}: {@code _row} is never null) into
 * the scan's {@link RowRange}. The scan then applies the range itself, starting at the page that
 * holds its first row where the paging allows and stopping after its last, so the predicates leave
 * the filter.
 */
final class RowRangeRule extends RelRule<RuleConfig> {
  static final RuleConfig CONFIG =
      RuleConfig.of(
          "ApiRowRangeRule",
          b0 -> b0.operand(LogicalFilter.class)
              .oneInput(b1 -> b1.operand(ApiTableScan.class)
                  .predicate(scan -> scan.getClass() == ApiTableScan.class)
                  .noInputs()),
          RowRangeRule::new);

  private RowRangeRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    ApiTableScan scan = call.rel(1);
    // A range counts rows before the OFFSET and LIMIT, so it cannot go below them.
    if (scan.spec.hasLimitOrOffset()) {
      return;
    }
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    RexNode condition = RexUtil.expandSearch(rexBuilder, null, filter.getCondition());
    RowRange range = RowRange.ALL;
    List<RexNode> remaining = new ArrayList<>();
    boolean pushedAny = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      RowRange part = range(conjunct, scan);
      if (part == null) {
        remaining.add(conjunct);
      } else {
        range = range.intersect(part);
        pushedAny = true;
      }
    }
    if (!pushedAny) {
      return;
    }
    RelNode newScan = scan.withSpec(scan.spec.withRowRange(range));
    RexNode rest = RexUtil.composeConjunction(rexBuilder, remaining);
    call.transformTo(rest.isAlwaysTrue() ? newScan : filter.copy(filter.getTraitSet(), newScan, rest));
  }

  /** The range one conjunct keeps, or null when it is not a comparison of {@code _row} with a number. */
  private static RowRange range(RexNode node, ApiTableScan scan) {
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
    if (value == null) {
      return null;
    }
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

  /** {@code _row}, also under a CAST that Calcite adds when the literal's type differs. */
  private static boolean isRow(RexNode node, ApiTableScan scan) {
    RexNode bare = node.getKind() == SqlKind.CAST ? ((RexCall) node).getOperands().get(0) : node;
    return bare instanceof RexInputRef ref
        && scan.apiTable.fields().get(scan.spec.tableField(ref.getIndex())).rowPosition();
  }
}
