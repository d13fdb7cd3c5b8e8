package dev.apiquery.sql.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.plan.RelOptCostImpl;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelNodes;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.MeasureRules;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.TopDownGeneralDecorrelator;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.RelBuilder;

/**
 * The passes of Calcite's standard program ({@code Programs.standard()}, what a statement's
 * preparation runs), in its order and with its rules, but written without {@code Programs},
 * whose class initialisation builds every rule of {@code CoreRules} (see {@link StandardRules}):
 * sub-query removal, decorrelation, measures (only when the plan has any), field trimming, the
 * cost-based planner, then the physical "calc" pass.
 */
public final class StandardProgram implements Program {
  public static final StandardProgram INSTANCE = new StandardProgram();

  private static final RelMetadataProvider METADATA = DefaultRelMetadataProvider.INSTANCE;

  private StandardProgram() {}

  @Override
  public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    CalciteConnectionConfig config = planner.getContext().maybeUnwrap(CalciteConnectionConfig.class)
        .orElse(CalciteConnectionConfig.DEFAULT);
    boolean simple = SimplePlan.test(rel);
    if (!simple) {
      ReflectiveMetadata.compiled(rel.getCluster()); // much metadata to ask for: worth compiling
    }
    // A plan with no sub-query and no OVER has nothing for the sub-query pass's rules to match.
    RelNode result = simple ? rel : removeSubQueries(config, rel, materializations, lattices);
    result = decorrelate(config, result);
    if (containsMeasures(result)) {
      result = hep(instances(MeasureRules.rules()), result, materializations, lattices);
      result = removeSubQueries(config, result, materializations, lattices);
      result = decorrelate(config, result);
    }
    result = new RelFieldTrimmer(null, relBuilder(result)).trim(result);
    result = costBased(planner, result, requiredOutputTraits, materializations, lattices);
    return hep(instances(StandardRules.CALC), result, materializations, lattices);
  }

  private static RelNode removeSubQueries(CalciteConnectionConfig config, RelNode rel,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    List<RelOptRule> rules = config.topDownGeneralDecorrelationEnabled()
        ? StandardRules.SubQuery.MARK : StandardRules.SubQuery.RULES;
    HepProgram program = HepProgram.builder().addRuleCollection(rules).build();
    return hep(program, rel, materializations, lattices);
  }

  private static RelNode decorrelate(CalciteConnectionConfig config, RelNode rel) {
    if (!config.forceDecorrelate()) {
      return rel;
    }
    return config.topDownGeneralDecorrelationEnabled()
        ? TopDownGeneralDecorrelator.decorrelateQuery(rel, relBuilder(rel))
        : RelDecorrelator.decorrelateQuery(rel, relBuilder(rel));
  }

  private static boolean containsMeasures(RelNode rel) {
    return RelNodes.contains(rel, aggCall -> aggCall.getAggregation().kind == SqlKind.AGG_M2V,
        RexUtil.find(EnumSet.of(SqlKind.AGG_M2V, SqlKind.M2V)));
  }

  private static RelNode costBased(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    materializations.forEach(planner::addMaterialization);
    lattices.forEach(planner::addLattice);
    planner.setRoot(rel);
    RelNode root = rel.getTraitSet().equals(requiredOutputTraits)
        ? rel : planner.changeTraits(rel, requiredOutputTraits);
    planner.setRoot(Objects.requireNonNull(root, "root"));
    return Objects.requireNonNull(planner.chooseDelegate().findBestExp(), "could not implement exp");
  }

  private static HepProgram instances(Iterable<? extends RelOptRule> rules) {
    HepProgramBuilder builder = HepProgram.builder();
    rules.forEach(builder::addRuleInstance);
    return builder.build();
  }

  /** A heuristic pass over the whole tree, as {@code Programs.of(HepProgram, true, metadata)}. */
  @SuppressWarnings("deprecation") // registerMetadataProviders, which Programs calls too
  private static RelNode hep(HepProgram program, RelNode rel,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    HepPlanner hepPlanner = new HepPlanner(program, null, true, null, RelOptCostImpl.FACTORY);
    List<RelMetadataProvider> providers = new ArrayList<>(List.of(METADATA));
    hepPlanner.registerMetadataProviders(providers);
    materializations.forEach(hepPlanner::addMaterialization);
    lattices.forEach(hepPlanner::addLattice);
    rel.getCluster().setMetadataProvider(ChainedRelMetadataProvider.of(providers));
    hepPlanner.setRoot(rel);
    return hepPlanner.findBestExp();
  }

  private static RelBuilder relBuilder(RelNode rel) {
    return RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
  }
}
