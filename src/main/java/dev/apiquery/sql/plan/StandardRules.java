package dev.apiquery.sql.plan;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.AbstractConverter;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.AggregateCaseToFilterRule;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;
import org.apache.calcite.rel.rules.AggregateExpandWithinDistinctRule;
import org.apache.calcite.rel.rules.AggregateJoinTransposeRule;
import org.apache.calcite.rel.rules.AggregateMergeRule;
import org.apache.calcite.rel.rules.AggregateProjectMergeRule;
import org.apache.calcite.rel.rules.AggregateProjectPullUpConstantsRule;
import org.apache.calcite.rel.rules.AggregateProjectStarTableRule;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.AggregateRemoveRule;
import org.apache.calcite.rel.rules.AggregateStarTableRule;
import org.apache.calcite.rel.rules.CalcMergeRule;
import org.apache.calcite.rel.rules.CalcRemoveRule;
import org.apache.calcite.rel.rules.DateRangeRules;
import org.apache.calcite.rel.rules.ExchangeRemoveConstantKeysRule;
import org.apache.calcite.rel.rules.FilterAggregateTransposeRule;
import org.apache.calcite.rel.rules.FilterCalcMergeRule;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rel.rules.FilterMergeRule;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;
import org.apache.calcite.rel.rules.FilterSampleTransposeRule;
import org.apache.calcite.rel.rules.FilterTableScanRule;
import org.apache.calcite.rel.rules.FilterToCalcRule;
import org.apache.calcite.rel.rules.FilterWindowTransposeRule;
import org.apache.calcite.rel.rules.IntersectToDistinctRule;
import org.apache.calcite.rel.rules.JoinAssociateRule;
import org.apache.calcite.rel.rules.JoinCommuteRule;
import org.apache.calcite.rel.rules.JoinPushExpressionsRule;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.rel.rules.MatchRule;
import org.apache.calcite.rel.rules.MinusToDistinctRule;
import org.apache.calcite.rel.rules.ProjectAggregateMergeRule;
import org.apache.calcite.rel.rules.ProjectCalcMergeRule;
import org.apache.calcite.rel.rules.ProjectFilterTransposeRule;
import org.apache.calcite.rel.rules.ProjectMergeRule;
import org.apache.calcite.rel.rules.ProjectOverSumToSum0Rule;
import org.apache.calcite.rel.rules.ProjectRemoveRule;
import org.apache.calcite.rel.rules.ProjectTableScanRule;
import org.apache.calcite.rel.rules.ProjectToCalcRule;
import org.apache.calcite.rel.rules.ProjectToWindowRule;
import org.apache.calcite.rel.rules.ProjectWindowTransposeRule;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.rel.rules.ReduceExpressionsRule;
import org.apache.calcite.rel.rules.SampleToFilterRule;
import org.apache.calcite.rel.rules.SemiJoinRule;
import org.apache.calcite.rel.rules.SingleValuesOptimizationRules;
import org.apache.calcite.rel.rules.SortJoinTransposeRule;
import org.apache.calcite.rel.rules.SortProjectTransposeRule;
import org.apache.calcite.rel.rules.SortRemoveConstantKeysRule;
import org.apache.calcite.rel.rules.SortRemoveRule;
import org.apache.calcite.rel.rules.SortUnionTransposeRule;
import org.apache.calcite.rel.rules.SubQueryRemoveRule;
import org.apache.calcite.rel.rules.UnionMergeRule;
import org.apache.calcite.rel.rules.UnionPullUpConstantsRule;
import org.apache.calcite.rel.rules.UnionToDistinctRule;
import org.apache.calcite.rel.rules.UnionToValuesRule;
import org.apache.calcite.rel.rules.materialize.MaterializedViewRules;
import org.apache.calcite.rel.stream.StreamRules;

/**
 * The rules of Calcite's default planner and of its standard program
 * ({@code RelOptUtil.registerDefaultRules}, {@code Programs.standard}), the same rules in the same
 * order, each made from its own config instead of taken from {@code CoreRules}.
 *
 * <p>Why: the first reference to {@code CoreRules} initialises every one of its ~200 rules, with
 * their configs, classes and lambdas, though a statement's planner uses only the ~80 below. In a
 * fresh JVM that was about a fifth of the driver's cold start (the {@code -all} jar in DBeaver or a
 * Spark executor, which runs with no JVM flags). {@code Programs} and {@code RelOptRules} are
 * avoided for the same reason: their static lists reach {@code CoreRules}. A rule made from the same
 * config equals the {@code CoreRules} one (same class, description and operands), so plans do not
 * change.
 *
 * <p>A statement whose logical plan has only scans, projections, filters, sorts and values (no
 * window expressions or sub-queries), which is most of what a SQL client sends to an API, gets
 * only the rules that match those operators (and the rules those create only make the same
 * operators): the others could never fire, so its plan is the same, and their classes and
 * configs are never built. Every other statement gets the whole set.
 */
public final class StandardRules {
  private StandardRules() {}

  // The rules that can fire on a plan of scans, projections, filters, sorts and values.
  private static final RelOptRule PROJECT_REMOVE = ProjectRemoveRule.Config.DEFAULT.toRule();
  private static final RelOptRule CALC_REMOVE = CalcRemoveRule.Config.DEFAULT.toRule();
  private static final RelOptRule SORT_REMOVE = SortRemoveRule.Config.DEFAULT.toRule();
  private static final RelOptRule FILTER_MERGE = FilterMergeRule.Config.DEFAULT.toRule();
  private static final RelOptRule PROJECT_MERGE_OR_JOIN_ASSOCIATE = CalciteSystemProperty.COMMUTE.value()
      ? JoinAssociateRule.Config.DEFAULT.toRule()
      : ProjectMergeRule.Config.DEFAULT.toRule();
  private static final RelOptRule FILTER_SCAN = FilterTableScanRule.Config.DEFAULT.toRule();
  private static final RelOptRule PROJECT_FILTER_TRANSPOSE = ProjectFilterTransposeRule.Config.DEFAULT.toRule();
  private static final RelOptRule FILTER_PROJECT_TRANSPOSE = FilterProjectTransposeRule.Config.DEFAULT.toRule();
  private static final RelOptRule SORT_PROJECT_TRANSPOSE = SortProjectTransposeRule.Config.DEFAULT.toRule();
  private static final RelOptRule SORT_REMOVE_CONSTANT_KEYS = SortRemoveConstantKeysRule.Config.DEFAULT.toRule();

  /** {@link Relational#ABSTRACT_RELATIONAL}, {@link Relational#ABSTRACT} and {@link Relational#BASE},
   * each cut to the rules above, in their order. */
  private static final List<RelOptRule> SIMPLE_ABSTRACT_RELATIONAL =
      List.of(AbstractConverter.ExpandConversionRule.INSTANCE, PROJECT_REMOVE, CALC_REMOVE, SORT_REMOVE);
  private static final List<RelOptRule> SIMPLE_ABSTRACT = List.of(
      PruneEmptyRules.PROJECT_INSTANCE,
      PruneEmptyRules.FILTER_INSTANCE,
      PruneEmptyRules.SORT_INSTANCE,
      PruneEmptyRules.SORT_FETCH_ZERO_INSTANCE,
      PruneEmptyRules.EMPTY_TABLE_INSTANCE,
      FILTER_MERGE,
      DateRangeRules.FILTER_INSTANCE);
  private static final List<RelOptRule> SIMPLE_BASE = List.of(
      PROJECT_MERGE_OR_JOIN_ASSOCIATE, FILTER_SCAN, PROJECT_FILTER_TRANSPOSE, FILTER_PROJECT_TRANSPOSE,
      SORT_PROJECT_TRANSPOSE, SORT_REMOVE_CONSTANT_KEYS);

  private static final RelOptRule PROJECT_OVER_SUM_TO_SUM0 = ProjectOverSumToSum0Rule.Config.DEFAULT.toRule();

  /** {@code Programs.subQuery}'s rules, without and with mark joins; built when a plan has sub-queries. */
  static final class SubQuery {
    private SubQuery() {}

    private static final RelOptRule JOIN = SubQueryRemoveRule.Config.JOIN.toRule();
    static final List<RelOptRule> RULES = List.of(
        SubQueryRemoveRule.Config.FILTER.toRule(),
        SubQueryRemoveRule.Config.PROJECT.toRule(),
        JOIN,
        PROJECT_OVER_SUM_TO_SUM0);
    static final List<RelOptRule> MARK = List.of(
        SubQueryRemoveRule.Config.FILTER_ENABLE_MARK_JOIN.toRule(),
        SubQueryRemoveRule.Config.PROJECT_ENABLE_MARK_JOIN.toRule(),
        JOIN,
        PROJECT_OVER_SUM_TO_SUM0);
  }

  /** {@code RelOptRules.CALC_RULES}: the standard program's last, physical pass. */
  static final List<RelOptRule> CALC = List.of(
      Bindables.FROM_NONE_RULE,
      EnumerableRules.ENUMERABLE_CALC_RULE,
      EnumerableRules.ENUMERABLE_FILTER_TO_CALC_RULE,
      EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE,
      FilterToCalcRule.Config.DEFAULT.toRule(),
      ProjectToCalcRule.Config.DEFAULT.toRule(),
      CalcMergeRule.Config.DEFAULT.toRule(),
      FilterCalcMergeRule.Config.DEFAULT.toRule(),
      ProjectCalcMergeRule.Config.DEFAULT.toRule());

  /**
   * Adds what {@code RelOptUtil.registerDefaultRules} adds, in its order, or for a plan that
   * {@link SimplePlan#test} accepts, only the rules that can fire on it.
   */
  public static void register(RelOptPlanner planner, RelNode root, boolean materializations, boolean bindable) {
    boolean simple = SimplePlan.test(root);
    if (CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value()) {
      (simple ? SIMPLE_ABSTRACT_RELATIONAL : Relational.ABSTRACT_RELATIONAL).forEach(planner::addRule);
      if (!simple && CalciteSystemProperty.COMMUTE.value()) {
        planner.addRule(JoinAssociateRule.Config.DEFAULT.toRule());
      }
    }
    (simple ? SIMPLE_ABSTRACT : Relational.ABSTRACT).forEach(planner::addRule);
    (simple ? SIMPLE_BASE : Relational.BASE).forEach(planner::addRule);
    if (materializations) {
      List.of(MaterializedViewRules.FILTER_SCAN, MaterializedViewRules.PROJECT_FILTER,
          MaterializedViewRules.FILTER, MaterializedViewRules.PROJECT_JOIN, MaterializedViewRules.JOIN,
          MaterializedViewRules.PROJECT_AGGREGATE, MaterializedViewRules.AGGREGATE).forEach(planner::addRule);
    }
    if (bindable) {
      Bindables.RULES.forEach(planner::addRule);
    }
    planner.addRule(Bindables.BINDABLE_TABLE_SCAN_RULE);
    planner.addRule(ProjectTableScanRule.Config.DEFAULT.toRule());
    planner.addRule(ProjectTableScanRule.Config.INTERPRETER.toRule());
    if (CalciteSystemProperty.ENABLE_ENUMERABLE.value()) {
      EnumerableRules.ENUMERABLE_RULES.forEach(planner::addRule);
      planner.addRule(EnumerableRules.TO_INTERPRETER);
    }
    if (bindable && CalciteSystemProperty.ENABLE_ENUMERABLE.value()) {
      planner.addRule(EnumerableRules.TO_BINDABLE);
    }
    if (!simple && CalciteSystemProperty.ENABLE_STREAM.value()) { // they match only a STREAM's Delta
      StreamRules.RULES.forEach(planner::addRule);
    }
    planner.addRule(ReduceExpressionsRule.FilterReduceExpressionsRule.FilterReduceExpressionsRuleConfig.DEFAULT.toRule());
  }

  /** The whole lists, built the first time a statement needs them. */
  private static final class Relational {
    private static final RelOptRule FILTER_INTO_JOIN =
        FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT.toRule();
    private static final RelOptRule JOIN_COMMUTE = JoinCommuteRule.Config.DEFAULT.toRule();

    /** {@code RelOptRules.ABSTRACT_RELATIONAL_RULES}, registered when the collation trait is on. */
    static final List<RelOptRule> ABSTRACT_RELATIONAL = List.of(
        FILTER_INTO_JOIN,
        FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT.toRule(),
        AbstractConverter.ExpandConversionRule.INSTANCE,
        JOIN_COMMUTE,
        SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.DEFAULT.toRule(),
        SemiJoinRule.JoinOnUniqueToSemiJoinRule.JoinOnUniqueToSemiJoinRuleConfig.DEFAULT.toRule(),
        SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.DEFAULT.toRule(),
        AggregateRemoveRule.Config.DEFAULT.toRule(),
        UnionToDistinctRule.Config.DEFAULT.toRule(),
        UnionToValuesRule.Config.DEFAULT.toRule(),
        PROJECT_REMOVE,
        ProjectAggregateMergeRule.Config.DEFAULT.toRule(),
        AggregateJoinTransposeRule.Config.DEFAULT.toRule(),
        AggregateMergeRule.Config.DEFAULT.toRule(),
        AggregateProjectMergeRule.Config.DEFAULT.toRule(),
        CALC_REMOVE,
        SORT_REMOVE);

    /** {@code RelOptRules.ABSTRACT_RULES}. */
    static final List<RelOptRule> ABSTRACT = List.of(
        AggregateProjectPullUpConstantsRule.Config.ANY.toRule(),
        UnionPullUpConstantsRule.Config.DEFAULT.toRule(),
        PruneEmptyRules.UNION_INSTANCE,
        PruneEmptyRules.INTERSECT_INSTANCE,
        PruneEmptyRules.MINUS_INSTANCE,
        PruneEmptyRules.PROJECT_INSTANCE,
        PruneEmptyRules.FILTER_INSTANCE,
        PruneEmptyRules.SORT_INSTANCE,
        PruneEmptyRules.AGGREGATE_INSTANCE,
        PruneEmptyRules.WINDOW_INSTANCE,
        PruneEmptyRules.JOIN_LEFT_INSTANCE,
        PruneEmptyRules.JOIN_RIGHT_INSTANCE,
        PruneEmptyRules.SORT_FETCH_ZERO_INSTANCE,
        PruneEmptyRules.EMPTY_TABLE_INSTANCE,
        SingleValuesOptimizationRules.JOIN_LEFT_INSTANCE,
        SingleValuesOptimizationRules.JOIN_RIGHT_INSTANCE,
        SingleValuesOptimizationRules.JOIN_LEFT_PROJECT_INSTANCE,
        SingleValuesOptimizationRules.JOIN_RIGHT_PROJECT_INSTANCE,
        UnionMergeRule.Config.DEFAULT.toRule(),
        UnionMergeRule.Config.INTERSECT.toRule(),
        UnionMergeRule.Config.MINUS.toRule(),
        PROJECT_OVER_SUM_TO_SUM0,
        ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule.ProjectToLogicalProjectAndWindowRuleConfig
            .DEFAULT.toRule(),
        FILTER_MERGE,
        DateRangeRules.FILTER_INSTANCE,
        IntersectToDistinctRule.Config.DEFAULT.toRule(),
        MinusToDistinctRule.Config.DEFAULT.toRule());

    /** {@code RelOptRules.BASE_RULES}. */
    static final List<RelOptRule> BASE = List.of(
        AggregateStarTableRule.Config.DEFAULT.toRule(),
        AggregateProjectStarTableRule.Config.DEFAULT.toRule(),
        PROJECT_MERGE_OR_JOIN_ASSOCIATE,
        FILTER_SCAN,
        PROJECT_FILTER_TRANSPOSE,
        FILTER_PROJECT_TRANSPOSE,
        FILTER_INTO_JOIN,
        JoinPushExpressionsRule.Config.DEFAULT.toRule(),
        AggregateExpandDistinctAggregatesRule.Config.DEFAULT.toRule(),
        AggregateExpandWithinDistinctRule.Config.DEFAULT.toRule(),
        AggregateCaseToFilterRule.Config.DEFAULT.toRule(),
        AggregateReduceFunctionsRule.Config.DEFAULT.toRule(),
        FilterAggregateTransposeRule.Config.DEFAULT.toRule(),
        ProjectWindowTransposeRule.Config.DEFAULT.toRule(),
        MatchRule.Config.DEFAULT.toRule(),
        JOIN_COMMUTE,
        JoinPushThroughJoinRule.RIGHT,
        JoinPushThroughJoinRule.LEFT,
        SORT_PROJECT_TRANSPOSE,
        SortJoinTransposeRule.Config.DEFAULT.toRule(),
        SORT_REMOVE_CONSTANT_KEYS,
        SortUnionTransposeRule.Config.DEFAULT.toRule(),
        ExchangeRemoveConstantKeysRule.Config.DEFAULT.toRule(),
        ExchangeRemoveConstantKeysRule.Config.SORT.toRule(),
        SampleToFilterRule.Config.DEFAULT.toRule(),
        FilterSampleTransposeRule.Config.DEFAULT.toRule(),
        FilterWindowTransposeRule.Config.DEFAULT.toRule());
  }
}
