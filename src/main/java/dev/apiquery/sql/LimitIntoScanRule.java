package dev.apiquery.sql;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Folds {@code LIMIT}/{@code OFFSET} without {@code ORDER BY}, directly on the scan, into its
 * spec: the scan then stops paging once it has the rows. Matching the sort directly on the scan
 * means a limit is never pushed past a filter that still has to run. {@code LIMIT ?} and
 * {@code OFFSET ? ROWS} push too, as {@link LimitParameters} that each execution binds; a second
 * limit on top of one with parameters (a max rows) stays with Calcite.
 */
final class LimitIntoScanRule extends RelRule<RuleConfig> {
  static final RuleConfig CONFIG =
      RuleConfig.of(
          "ApiLimitIntoScanRule",
          b0 -> b0.operand(LogicalSort.class)
              .predicate(sort -> sort.getCollation().getFieldCollations().isEmpty()
                  && isPushable(sort.offset)
                  && isPushable(sort.fetch))
              .oneInput(b1 -> b1.operand(ApiTableScan.class)
                  .predicate(scan -> scan.getClass() == ApiTableScan.class)
                  .noInputs()),
          LimitIntoScanRule::new);

  private LimitIntoScanRule(RuleConfig config) {
    super(config);
  }

  private static boolean isPushable(RexNode node) {
    return node == null || node instanceof RexLiteral || node instanceof RexDynamicParam;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalSort sort = call.rel(0);
    ApiTableScan scan = call.rel(1);
    if (!scan.spec.limitParameters().isEmpty()) {
      return; // rows already limited by a parameter: no literal can be combined with it now
    }
    if (sort.offset instanceof RexDynamicParam || sort.fetch instanceof RexDynamicParam) {
      if (scan.spec.hasLimitOrOffset()) {
        return;
      }
      LimitParameters parameters = new LimitParameters(parameterIndex(sort.offset), parameterIndex(sort.fetch));
      call.transformTo(scan.withSpec(
          scan.spec.withLimitParameters(literal(sort.offset, 0), literal(sort.fetch, -1), parameters)));
      return;
    }
    call.transformTo(scan.withSpec(scan.spec.withOffsetAndFetch(literal(sort.offset, 0), literal(sort.fetch, -1))));
  }

  private static long literal(RexNode node, long absent) {
    return node instanceof RexLiteral literal ? literal.getValueAs(Long.class) : absent;
  }

  private static int parameterIndex(RexNode node) {
    return node instanceof RexDynamicParam parameter ? parameter.getIndex() : -1;
  }
}
