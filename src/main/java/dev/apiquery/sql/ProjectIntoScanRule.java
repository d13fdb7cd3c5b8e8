package dev.apiquery.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Narrows the scan to the fields a projection uses, so that only those are extracted from the
 * JSON stream. Expressions stay in a project above the narrowed scan.
 */
final class ProjectIntoScanRule extends RelRule<RuleConfig> {
  static final RuleConfig CONFIG =
      RuleConfig.of(
          "ApiProjectIntoScanRule",
          b0 -> b0.operand(LogicalProject.class)
              .oneInput(b1 -> b1.operand(ApiTableScan.class)
                  .predicate(scan -> scan.getClass() == ApiTableScan.class)
                  .noInputs()),
          ProjectIntoScanRule::new);

  private ProjectIntoScanRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    ApiTableScan scan = call.rel(1);
    int scanFields = scan.spec.fieldCount();
    List<RexNode> exprs = project.getProjects();
    if (isPermutation(exprs, scanFields)) {
      // Plain field references, each once: the scan returns exactly these, in this order.
      int[] reordered = new int[exprs.size()];
      for (int k = 0; k < reordered.length; k++) {
        reordered[k] = scan.spec.tableField(((RexInputRef) exprs.get(k)).getIndex());
      }
      if (!Arrays.equals(reordered, scan.spec.projects())) {
        call.transformTo(scan.withSpec(scan.spec.withProjects(reordered)));
      }
      return;
    }
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(exprs, null);
    if (used.isEmpty()) {
      // count(*) and constants still need rows: keep one field.
      used = ImmutableBitSet.of(0);
    }
    if (used.cardinality() == scanFields) {
      return;
    }
    int[] narrowed = new int[used.cardinality()];
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, scanFields, narrowed.length);
    int i = 0;
    for (int field : used) {
      narrowed[i] = scan.spec.tableField(field);
      mapping.set(field, i++);
    }
    ApiTableScan newScan = scan.withSpec(scan.spec.withProjects(narrowed));
    RexPermuteInputsShuttle shuttle = new RexPermuteInputsShuttle(mapping, newScan);
    List<RexNode> newExprs = new ArrayList<>();
    for (RexNode expr : exprs) {
      newExprs.add(expr.accept(shuttle));
    }
    call.transformTo(project.copy(project.getTraitSet(), newScan, newExprs, project.getRowType()));
  }

  /** Every expression is a plain field reference, each field at most once. */
  private static boolean isPermutation(List<RexNode> exprs, int scanFields) {
    boolean[] seen = new boolean[scanFields];
    for (RexNode e : exprs) {
      if (!(e instanceof RexInputRef ref) || seen[ref.getIndex()]) {
        return false;
      }
      seen[ref.getIndex()] = true;
    }
    return true;
  }
}
