package dev.apiquery.sql;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Turns an equi-join whose inner (right) side reads an API table on a field that can be pushed (an
 * input, or an {@code other:filter} column) into an {@link ApiLookupJoin}: the outer rows are read
 * in batches of {@link #BATCH_SIZE}, and the inner side gets the filter
 * {@code key = $cor0.k OR key = $cor1.k OR ...} over the batch's correlation variables, which
 * {@link FilterIntoScanRule} pushes into the scan as an IN list bound per batch. Joins written the
 * other way round (and {@code IN (SELECT ...)}, which Calcite turns into a join with the API table
 * on the left) reach this rule once Calcite's JoinCommuteRule has swapped them.
 */
final class LookupJoinRule extends RelRule<RuleConfig> {
  /** Outer rows whose keys one inner scan receives (Calcite's default batch size). */
  static final int BATCH_SIZE = 100;

  private static final Set<JoinRelType> TYPES =
      EnumSet.of(JoinRelType.INNER, JoinRelType.LEFT, JoinRelType.SEMI, JoinRelType.ANTI);

  static final RuleConfig CONFIG =
      RuleConfig.of("ApiLookupJoinRule", b0 -> b0.operand(LogicalJoin.class).anyInputs(), LookupJoinRule::new);

  private LookupJoinRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    if (!TYPES.contains(join.getJoinType())) {
      return;
    }
    JoinInfo info = join.analyzeCondition();
    for (int k = 0; k < info.rightKeys.size(); k++) {
      TableField field = FieldOrigin.of(join.getRight(), info.rightKeys.get(k));
      String key = field != null && field.pushable() ? field.name() : null;
      if (key != null) {
        call.transformTo(lookup(join, info.leftKeys.get(k), info.rightKeys.get(k), key, call.builder()));
        return;
      }
    }
  }

  /**
   * The inner side under the batch's key filter. Calcite never moves a filter that holds
   * correlation variables below a projection, so when the inner side projects (a CAST of the key
   * to the outer key's type), the filter goes under that projection here, straight onto what the
   * scan rules can push.
   */
  private static RelNode keyFiltered(RelNode right, int innerKey, RexNode filter, RelBuilder builder) {
    List<RelNode> members = right instanceof RelSubset subset ? subset.getRelList() : List.of(right);
    for (RelNode member : members) {
      if (member instanceof Project project && FieldOrigin.of(project, innerKey) != null) {
        return builder.push(project.getInput())
            .filter(RelOptUtil.pushPastProject(filter, project))
            .project(project.getProjects(), project.getRowType().getFieldNames())
            .build();
      }
    }
    return builder.push(right).filter(filter).build();
  }

  private static RelNode lookup(LogicalJoin join, int outerKey, int innerKey, String keyName, RelBuilder builder) {
    RelOptCluster cluster = join.getCluster();
    RexBuilder rex = cluster.getRexBuilder();
    RelNode left = join.getLeft();
    Set<CorrelationId> variables = new LinkedHashSet<>();
    List<RexNode> keyMatches = new ArrayList<>();
    RexNode innerRef = rex.makeInputRef(join.getRight(), innerKey);
    for (int i = 0; i < BATCH_SIZE; i++) {
      CorrelationId id = cluster.createCorrel();
      variables.add(id);
      RexNode outer = rex.makeFieldAccess(rex.makeCorrel(left.getRowType(), id), outerKey);
      keyMatches.add(builder.equals(innerRef, outer));
    }
    // Only the key goes to the inner side: the join itself checks the whole condition for every
    // pair of the batch, so what the API returns beyond the keys asked for cannot leak through.
    RelNode right = keyFiltered(join.getRight(), innerKey, builder.or(keyMatches), builder);
    return ApiLookupJoin.create(
        convert(left, left.getTraitSet().replace(EnumerableConvention.INSTANCE)),
        convert(right, right.getTraitSet().replace(EnumerableConvention.INSTANCE)),
        join.getCondition(), ImmutableBitSet.of(outerKey), variables, join.getJoinType(), keyName);
  }
}
