package dev.apiquery.sql;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Folds {@code LIMIT}/{@code OFFSET} without {@code ORDER BY}, directly on the scan, into its
 * spec: the scan then stops paging once it has the rows. Matching the sort directly on the scan
 * means a limit is never pushed past a filter that still has to run. {@code LIMIT ?} is left to
 * Calcite.
 */
final class LimitIntoScanRule extends RelRule<RuleConfig> {
  static final RuleConfig CONFIG =
      RuleConfig.of(
          "ApiLimitIntoScanRule",
          b0 -> b0.operand(LogicalSort.class)
              .predicate(sort -> sort.getCollation().getFieldCollations().isEmpty()
                  && isLiteralOrNull(sort.offset)
                  && isLiteralOrNull(sort.fetch))
              .oneInput(b1 -> b1.operand(ApiTableScan.class)
                  .predicate(scan -> scan.getClass() == ApiTableScan.class)
                  .noInputs()),
          LimitIntoScanRule::new);

  private LimitIntoScanRule(RuleConfig config) {
    super(config);
  }

  private static boolean isLiteralOrNull(RexNode node) {
    return node == null || node instanceof RexLiteral;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalSort sort = call.rel(0);
    ApiTableScan scan = call.rel(1);
    long offset = sort.offset == null ? 0 : ((RexLiteral) sort.offset).getValueAs(Long.class);
    long fetch = sort.fetch == null ? -1 : ((RexLiteral) sort.fetch).getValueAs(Long.class);
    call.transformTo(scan.withSpec(scan.spec.withOffsetAndFetch(offset, fetch)));
  }
}
