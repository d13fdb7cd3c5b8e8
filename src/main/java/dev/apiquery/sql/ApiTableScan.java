package dev.apiquery.sql;

import dev.apiquery.profile.InputDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * The logical scan of an {@link ApiTable}. It stays in {@link Convention#NONE} while the
 * {@link ApiRules} fold filters, projections and limits into its {@link ApiQuerySpec}; one
 * converter rule then turns the final spec into an {@link ApiEnumerableTableScan}. (A scan born
 * in the enumerable convention would be invisible to logical parent operands, so the rules
 * would stop composing after the first push.)
 */
public class ApiTableScan extends TableScan {
  /** The cost factor of a scan that lacks a required input. */
  private static final double UNRUNNABLE = 1e9;

  final ApiTable apiTable;
  final ApiQuerySpec spec;

  protected ApiTableScan(
      RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table, ApiTable apiTable, ApiQuerySpec spec) {
    super(cluster, traitSet, List.of(), table);
    this.apiTable = apiTable;
    this.spec = spec;
  }

  static ApiTableScan create(RelOptCluster cluster, RelOptTable table, ApiTable apiTable, ApiQuerySpec spec) {
    return new ApiTableScan(cluster, cluster.traitSetOf(Convention.NONE), table, apiTable, spec);
  }

  /** The same scan with another spec. */
  ApiTableScan withSpec(ApiQuerySpec newSpec) {
    return new ApiTableScan(getCluster(), getTraitSet(), getTable(), apiTable, newSpec);
  }

  public ApiQuerySpec spec() {
    return spec;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ApiTableScan(getCluster(), traitSet, getTable(), apiTable, spec);
  }

  @Override
  public RelDataType deriveRowType() {
    List<RelDataTypeField> tableFields = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    for (int field : spec.projects()) {
      builder.add(tableFields.get(field));
    }
    return builder.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    // The spec is part of the digest: without it, scans with different pushes would be merged.
    return super.explainTerms(pw).item("spec", describe());
  }

  /** The spec with field names instead of ordinals, for EXPLAIN. */
  String describe() {
    List<TableField> fields = apiTable.fields();
    List<String> names = new ArrayList<>();
    for (int field : spec.projects()) {
      names.add(fields.get(field).name());
    }
    StringBuilder sb = new StringBuilder("[");
    if (spec.pushedFieldCount() > 0) {
      List<String> params = new ArrayList<>();
      for (Map.Entry<Integer, List<String>> e : spec.pushedValues().entrySet()) {
        params.add(fields.get(e.getKey()).name() + "=" + e.getValue());
      }
      for (Map.Entry<Integer, List<PushedParameter>> e : spec.parameters().entrySet()) {
        params.add(fields.get(e.getKey()).name() + "=" + describe(e.getValue()));
      }
      sb.append("params=").append(params).append(", ");
    }
    sb.append("columns=").append(names);
    if (!spec.rowRange().isAll()) {
      sb.append(", _row in ").append(spec.rowRange());
    }
    if (spec.offset() > 0) {
      sb.append(", offset=").append(spec.offset());
    }
    if (spec.fetch() >= 0) {
      sb.append(", fetch=").append(spec.fetch());
    }
    if (!spec.limitParameters().isEmpty()) {
      sb.append(", ").append(spec.limitParameters());
    }
    return sb.append(']').toString();
  }

  /** Parameters as EXPLAIN shows them: a lookup join's batch as its first and last variable. */
  private static String describe(List<PushedParameter> parameters) {
    if (parameters.size() > 2 && parameters.stream().allMatch(PushedParameter::isCorrelated)) {
      return "[" + parameters.get(0) + ".." + parameters.get(parameters.size() - 1) + "]";
    }
    return parameters.toString();
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = super.estimateRowCount(mq);
    for (int i = 0; i < spec.pushedFieldCount(); i++) {
      rows /= 10;
    }
    if (spec.fetch() >= 0) {
      rows = Math.min(rows, spec.fetch());
    }
    if (spec.rowRange().size() >= 0) {
      rows = Math.min(rows, spec.rowRange().size());
    } else if (spec.rowRange().from() > 0) {
      rows /= 2; // fewer rows than the whole table: the pushed range must win over a filter
    }
    return Math.max(rows, 1d);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // Fewer columns extracted and fewer rows fetched are strictly cheaper, so every pushed
    // variant of the scan wins over the one it came from.
    double totalFields = table.getRowType().getFieldCount();
    double columnFactor = (spec.fieldCount() + 2d) / (totalFields + 2d);
    RelOptCost base = planner.getCostFactory().makeCost(estimateRowCount(mq), 0, estimateRowCount(mq));
    double pushFactor = spec.pushedFieldCount() == 0 ? 1d : 0.5d;
    // A scan that lacks a required input cannot run: any plan that feeds it (a lookup join) wins.
    // Finite, so that a query with no such plan is still planned and fails with "missing input".
    double missingInput = lacksRequiredInput() ? UNRUNNABLE : 1d;
    return base.multiplyBy(columnFactor * pushFactor * missingInput);
  }

  private boolean lacksRequiredInput() {
    List<InputDef> inputs = apiTable.definition().inputs();
    for (int i = 0; i < inputs.size(); i++) {
      InputDef input = inputs.get(i);
      boolean hasDefault = input.defaultValue() != null && !input.defaultValue().isEmpty();
      if (input.required() && !hasDefault && !spec.isPushed(apiTable.inputField(i))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void register(RelOptPlanner planner) {
    for (RelOptRule rule : ApiRules.RULES) {
      planner.addRule(rule);
    }
  }
}
