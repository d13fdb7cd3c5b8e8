package dev.apiquery.sql;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code SELECT COUNT(*) FROM t} (with nothing but pushed inputs and a {@code _row} range below
 * it) becomes an {@link ApiCountScan} when the profile names the responses' total
 * ({@link TotalPath}): one request instead of every page. Without a total, the aggregate reads
 * the scan as usual.
 */
final class CountIntoScanRule extends RelRule<RuleConfig> {
  static final RuleConfig ON_SCAN =
      RuleConfig.of(
          "ApiCountIntoScanRule",
          b0 -> b0.operand(LogicalAggregate.class)
              .predicate(CountIntoScanRule::onlyCountStar)
              .oneInput(b1 -> b1.operand(ApiTableScan.class)
                  .predicate(scan -> scan.getClass() == ApiTableScan.class)
                  .noInputs()),
          CountIntoScanRule::new);

  /** The same under the constant projection SQL puts below {@code COUNT(*)}. */
  static final RuleConfig ON_PROJECT =
      RuleConfig.of(
          "ApiCountIntoScanRule(Project)",
          b0 -> b0.operand(LogicalAggregate.class)
              .predicate(CountIntoScanRule::onlyCountStar)
              .oneInput(b1 -> b1.operand(LogicalProject.class)
                  .oneInput(b2 -> b2.operand(ApiTableScan.class)
                      .predicate(scan -> scan.getClass() == ApiTableScan.class)
                      .noInputs())),
          CountIntoScanRule::new);

  private CountIntoScanRule(RuleConfig config) {
    super(config);
  }

  /** No GROUP BY, and every aggregate a plain {@code COUNT(*)}. */
  private static boolean onlyCountStar(LogicalAggregate aggregate) {
    if (aggregate.getGroupCount() != 0 || aggregate.getAggCallList().isEmpty()) {
      return false;
    }
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (call.getAggregation().getKind() != SqlKind.COUNT || !call.getArgList().isEmpty() || call.isDistinct()
          || call.filterArg >= 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    RelNode last = call.rel(call.getRelList().size() - 1);
    ApiTableScan scan = (ApiTableScan) last;
    if (scan.spec.hasLimitOrOffset()) {
      return;
    }
    String totalPath = TotalPath.of(scan.apiTable.definition());
    if (totalPath == null) {
      return;
    }
    TotalCount count = new TotalCount(scan.apiTable, scan.spec, totalPath, aggregate.getAggCallList().size());
    call.transformTo(ApiCountScan.of(scan, count, aggregate.getRowType()));
  }
}
