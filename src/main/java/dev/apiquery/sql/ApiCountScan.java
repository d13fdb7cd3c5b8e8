package dev.apiquery.sql;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code COUNT(*)} of a table whose responses carry the total ({@link TotalCount}): one row,
 * from one request per chain. Not a TableScan: the table's keys and collations, which Calcite's
 * metadata would read from one, do not describe this row.
 */
final class ApiCountScan extends AbstractRelNode implements EnumerableRel {
  private final RelOptTable table;
  private final TotalCount count;
  private final RelDataType rowType;
  private final String digest;

  ApiCountScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, TotalCount count,
      RelDataType rowType, String digest) {
    super(cluster, traits);
    this.table = table;
    this.count = count;
    this.rowType = rowType;
    this.digest = digest;
  }

  static ApiCountScan of(ApiTableScan scan, TotalCount count, RelDataType rowType) {
    return new ApiCountScan(scan.getCluster(), scan.getTraitSet().replace(EnumerableConvention.INSTANCE),
        scan.getTable(), count, rowType, scan.describe());
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ApiCountScan(getCluster(), traitSet, getTable(), count, rowType, digest);
  }

  @Override
  public RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    // The scan's spec is part of the digest, so that counts of different scans are never merged.
    return super.explainTerms(pw).item("table", table.getQualifiedName()).item("spec", digest)
        .item("count", count.describe());
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return 1;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeTinyCost();
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    Expression counter = implementor.stash(count, TotalCount.class);
    return implementor.result(physType,
        Blocks.toBlock(Expressions.call(counter, "rows", implementor.getRootExpression())));
  }
}
