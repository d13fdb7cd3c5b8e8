package dev.apiquery.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A lookup join: Calcite's batch nested-loop join whose inner side is an API scan that receives
 * the join keys of each batch of outer rows as the values of an input or {@code other:filter}
 * column (one request chain per distinct key; see {@link LookupJoinRule}). Calcite's join code
 * pairs the rows and keeps INNER, LEFT, SEMI and ANTI semantics; this class only names the key in
 * EXPLAIN.
 */
public final class ApiLookupJoin extends EnumerableBatchNestedLoopJoin {
  private final String key;
  /** The outer fields the inner side reads (the base class keeps its copy private). */
  private final ImmutableBitSet outerKeys;

  private ApiLookupJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
      RexNode condition, Set<CorrelationId> variables, ImmutableBitSet requiredColumns, JoinRelType joinType,
      String key) {
    super(cluster, traits, left, right, condition, variables, requiredColumns, joinType);
    this.key = key;
    this.outerKeys = requiredColumns;
  }

  /**
   * @param key the inner table's field the outer values are fed into, for EXPLAIN
   */
  static ApiLookupJoin create(RelNode left, RelNode right, RexNode condition, ImmutableBitSet requiredColumns,
      Set<CorrelationId> variables, JoinRelType joinType, String key) {
    EnumerableBatchNestedLoopJoin plain =
        EnumerableBatchNestedLoopJoin.create(left, right, condition, requiredColumns, variables, joinType);
    return new ApiLookupJoin(left.getCluster(), plain.getTraitSet(), left, right, condition, variables,
        requiredColumns, joinType, key);
  }

  @Override
  public ApiLookupJoin copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right,
      JoinRelType joinType, boolean semiJoinDone) {
    return new ApiLookupJoin(getCluster(), traitSet.replace(EnumerableConvention.INSTANCE), left, right,
        condition, variablesSet, outerKeys, joinType, key);
  }

  /** Outer rows per batch: the inner scan receives their keys at once. */
  int batchSize() {
    return variablesSet.size();
  }

  /**
   * This join with batches of {@code size} outer rows (fewer than now), or this join when its
   * inner side cannot be cut down: the inner scan keeps the keys of the first {@code size}
   * correlation variables, and nothing else on the inner side may read the others. Only the
   * grouping of the lookups changes: the join pairs the same rows whatever its batch.
   */
  ApiLookupJoin withBatchSize(int size) {
    List<CorrelationId> ids = new ArrayList<>(variablesSet);
    if (size <= 0 || size >= ids.size()) {
      return this;
    }
    Set<CorrelationId> kept = new LinkedHashSet<>(ids.subList(0, size));
    Set<String> keptNames = new HashSet<>();
    kept.forEach(id -> keptNames.add(id.getName()));
    RelNode inner = keepingCorrelations(right, keptNames);
    if (inner == null) {
      return this;
    }
    return new ApiLookupJoin(getCluster(), traitSet, left, inner, condition, kept, outerKeys, joinType, key);
  }

  /** The inner side reading only the {@code kept} correlation variables, or null if it cannot. */
  private static RelNode keepingCorrelations(RelNode rel, Set<String> kept) {
    if (rel instanceof ApiEnumerableTableScan scan) {
      return scan.withExecutableSpec(scan.spec.keepingCorrelations(kept));
    }
    if (rel instanceof EnumerableCalc calc && !usesCorrelation(calc.getProgram())) {
      RelNode input = keepingCorrelations(calc.getInput(), kept);
      return input == null ? null : calc.copy(calc.getTraitSet(), List.of(input));
    }
    return null; // anything else may read the batch's variables in ways not rewritten here
  }

  private static boolean usesCorrelation(RexProgram program) {
    for (RexNode expr : program.getExprList()) {
      if (RexUtil.containsCorrelation(expr)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Join's own terms without its list of every correlation variable (a hundred of them): the
   * first and last name it (they are made in sequence), which keeps the digest unique.
   */
  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = new ArrayList<>();
    variablesSet.forEach(id -> names.add(id.getName()));
    return pw.input("left", left).input("right", right)
        .item("condition", condition)
        .item("joinType", joinType.lowerName)
        .item("key", key)
        .item("batch", names.size() + " outer rows (" + names.get(0) + ".." + names.get(names.size() - 1) + ")");
  }
}
