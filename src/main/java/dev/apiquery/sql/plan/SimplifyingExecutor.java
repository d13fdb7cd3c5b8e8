package dev.apiquery.sql.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;

/**
 * The planner's executor of constant expressions: Calcite's compiles each batch of them to Java and
 * runs it, which in a fresh JVM costs Janino's first compilation (about half a second of CPU) for
 * the {@code WHERE 1=0} that Spark's JDBC source sends first to learn a table's columns. A constant
 * that Calcite's simplifier turns into a literal of the same type ({@code 1 = 0}, {@code 2 + 3},
 * {@code 'a' = 'b'}) takes that literal; the others go to the compiled executor as before.
 */
final class SimplifyingExecutor implements RexExecutor {
  private final RexExecutor compiled;

  SimplifyingExecutor(RexExecutor compiled) {
    this.compiled = compiled;
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    RexSimplify simplify = new RexSimplify(rexBuilder, RelOptPredicateList.EMPTY, compiled);
    RexNode[] reduced = new RexNode[constExps.size()];
    List<RexNode> rest = new ArrayList<>();
    List<Integer> restAt = new ArrayList<>();
    for (int i = 0; i < reduced.length; i++) {
      RexNode exp = constExps.get(i);
      RexNode simple = simplified(simplify, exp);
      if (simple instanceof RexLiteral && simple.getType().equals(exp.getType())) {
        reduced[i] = simple;
      } else {
        rest.add(exp);
        restAt.add(i);
      }
    }
    if (!rest.isEmpty()) {
      List<RexNode> evaluated = new ArrayList<>();
      compiled.reduce(rexBuilder, rest, evaluated);
      for (int k = 0; k < restAt.size(); k++) {
        reduced[restAt.get(k)] = evaluated.get(k);
      }
    }
    reducedValues.addAll(Arrays.asList(reduced));
  }

  /** The simplified constant, or null when simplifying fails: the compiled executor then decides. */
  private static RexNode simplified(RexSimplify simplify, RexNode exp) {
    try {
      return simplify.simplifyPreservingType(exp);
    } catch (RuntimeException e) {
      return null; // this is only a shortcut: a constant it cannot take keeps Calcite's behaviour
    }
  }
}
