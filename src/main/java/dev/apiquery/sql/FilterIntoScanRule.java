package dev.apiquery.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pushes {@code field = literal}, {@code field = ?} and {@code field IN (...)} on inputs and {@code other:filter}
 * columns into the scan as request parameters. Predicates on inputs are answered by the request
 * itself (the input column echoes the value used), so they leave the filter; predicates on
 * {@code other:filter} columns stay, because an API may match more loosely than SQL does.
 * A single {@code column = literal} on any other output column is pushed too, so the script sees
 * it as {@code [_input.column]} as in CData; that predicate stays as well. Everything else stays
 * in the filter and runs after the fetch. A range of {@code _row} ({@link RowRangePredicate}) becomes
 * the scan's row range and leaves the filter.
 */
final class FilterIntoScanRule extends RelRule<RuleConfig> {
  static final RuleConfig CONFIG =
      RuleConfig.of(
          "ApiFilterIntoScanRule",
          b0 -> b0.operand(LogicalFilter.class)
              .oneInput(b1 -> b1.operand(ApiTableScan.class)
                  .predicate(scan -> scan.getClass() == ApiTableScan.class)
                  .noInputs()),
          FilterIntoScanRule::new);

  private FilterIntoScanRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    ApiTableScan scan = call.rel(1);
    // A filter above a limited scan must not move below the limit: it would change the rows (and a
    // _row range counts rows before the OFFSET and LIMIT).
    if (scan.spec.hasLimitOrOffset()) {
      return;
    }
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    RexNode condition = RexUtil.expandSearch(rexBuilder, null, filter.getCondition());
    ApiQuerySpec spec = scan.spec;
    List<RexNode> remaining = new ArrayList<>();
    boolean pushedAny = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      RowRange range = RowRangePredicate.match(conjunct, scan);
      if (range != null) {
        spec = spec.withRowRange(range); // the scan keeps exactly these rows: the predicate leaves
        pushedAny = true;
        continue;
      }
      EqualityPredicate eq = EqualityPredicate.match(conjunct);
      if (eq == null) {
        remaining.add(conjunct);
        continue;
      }
      int tableField = spec.tableField(eq.fieldIndex());
      TableField field = scan.apiTable.fields().get(tableField);
      // A single value on any output column also sets [_input.<column>] (CData); a list would
      // fan out into requests the API cannot tell apart, so only inputs and filters take one.
      boolean setsInput = field.column() != null && eq.values().size() == 1;
      if (!(field.pushable() || setsInput) || spec.isPushed(tableField)) {
        remaining.add(conjunct);
        continue;
      }
      spec = spec.withPushed(tableField, eq.values(), eq.parameters());
      pushedAny = true;
      if (!field.input()) {
        remaining.add(conjunct);
      }
    }
    if (!pushedAny) {
      return;
    }
    RelNode newScan = scan.withSpec(spec);
    RexNode rest = RexUtil.composeConjunction(rexBuilder, remaining);
    RelNode result = rest.isAlwaysTrue() ? newScan : filter.copy(filter.getTraitSet(), newScan, rest);
    call.transformTo(result);
  }
}
