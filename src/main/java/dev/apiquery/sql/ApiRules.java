package dev.apiquery.sql;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** The planner rules that fold work into an {@link ApiTableScan}, and its conversion to code. */
public final class ApiRules {
  private ApiRules() {}

  public static final RelOptRule FILTER = FilterIntoScanRule.CONFIG.toRule();
  public static final RelOptRule PROJECT = ProjectIntoScanRule.CONFIG.toRule();
  public static final RelOptRule LIMIT = LimitIntoScanRule.CONFIG.toRule();
  public static final RelOptRule COUNT = CountIntoScanRule.ON_SCAN.toRule();
  public static final RelOptRule COUNT_ON_PROJECT = CountIntoScanRule.ON_PROJECT.toRule();
  public static final RelOptRule LOOKUP_JOIN = LookupJoinRule.CONFIG.toRule();
  public static final RelOptRule TO_ENUMERABLE =
      ConverterRule.Config.INSTANCE
          .withConversion(ApiTableScan.class, Convention.NONE, EnumerableConvention.INSTANCE, "ApiToEnumerableRule")
          .withRuleFactory(ToEnumerableRule::new)
          .toRule(ToEnumerableRule.class);

  public static final List<RelOptRule> RULES =
      List.of(FILTER, PROJECT, LIMIT, COUNT, COUNT_ON_PROJECT, LOOKUP_JOIN, TO_ENUMERABLE);

  /** Converts the logical scan, with everything pushed into its spec, into the executable one. */
  static final class ToEnumerableRule extends ConverterRule {
    ToEnumerableRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      return ApiEnumerableTableScan.of((ApiTableScan) rel);
    }
  }
}
