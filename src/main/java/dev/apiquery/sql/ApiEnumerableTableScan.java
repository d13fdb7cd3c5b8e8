package dev.apiquery.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.sql.SqlExplainLevel;

/** The executable scan: generated code calls {@link ApiTable#query} with the final spec. */
public final class ApiEnumerableTableScan extends ApiTableScan implements EnumerableRel {
  ApiEnumerableTableScan(
      RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table, ApiTable apiTable, ApiQuerySpec spec) {
    super(cluster, traitSet, table, apiTable, spec);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ApiEnumerableTableScan(getCluster(), traitSet, getTable(), apiTable, spec);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    // What the scan will send, so that EXPLAIN PLAN FOR shows the requests, not just the spec.
    // Not in the digest, which the planner computes for every new node: the spec already tells
    // scans apart, and describing the requests runs the profile's script.
    RelWriter terms = super.explainTerms(pw);
    return pw.getDetailLevel() == SqlExplainLevel.DIGEST_ATTRIBUTES
        ? terms
        : terms.item("requests", apiTable.describeRequests(spec));
  }

  @Override
  public void register(RelOptPlanner planner) {
    // Rules were registered by the logical scan.
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // Rows are Object[]; a one-column row is a bare value (SCALAR), as every enumerable operator
    // above the scan (an ORDER BY, a join) derives it, so the scan hands out that shape too.
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    String method = physType.getFormat() == JavaRowFormat.SCALAR ? "queryOneColumn" : "query";
    // Stashed, not inlined as constants: the generated source stays the same across queries.
    Expression table = implementor.stash(apiTable, ApiTable.class);
    Expression querySpec = implementor.stash(spec, ApiQuerySpec.class);
    List<PushedParameter> outer = ParameterBinder.correlated(spec);
    if (outer.isEmpty()) {
      return implementor.result(
          physType,
          Blocks.toBlock(Expressions.call(table, method, implementor.getRootExpression(), querySpec)));
    }
    // A lookup join's inner scan: the outer rows of the batch are the correlation variables the
    // join declared around this code; their key fields go to the scan as one array.
    BlockBuilder block = new BlockBuilder();
    List<Expression> values = new ArrayList<>();
    for (PushedParameter parameter : outer) {
      Expression field = implementor.getCorrelVariableGetter(parameter.correlation())
          .field(block, parameter.index(), null);
      values.add(Expressions.box(field));
    }
    block.add(Expressions.call(table, method, implementor.getRootExpression(), querySpec,
        Expressions.newArrayInit(Object.class, values)));
    return implementor.result(physType, block.toBlock());
  }

  /** This executable scan with another spec (the logical {@link #withSpec} makes a logical scan). */
  ApiEnumerableTableScan withExecutableSpec(ApiQuerySpec newSpec) {
    return new ApiEnumerableTableScan(getCluster(), getTraitSet(), getTable(), apiTable, newSpec);
  }

  static ApiEnumerableTableScan of(ApiTableScan scan) {
    return new ApiEnumerableTableScan(
        scan.getCluster(),
        scan.getTraitSet().replace(EnumerableConvention.INSTANCE),
        scan.getTable(),
        scan.apiTable,
        scan.spec);
  }
}
