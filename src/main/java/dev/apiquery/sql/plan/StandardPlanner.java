package dev.apiquery.sql.plan;

import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.DataContexts;

/**
 * The planner of {@code CalcitePrepareImpl.createPlanner}, with its rules from
 * {@link StandardRules} instead of {@code RelOptUtil.registerDefaultRules} (which reads them from
 * {@code CoreRules}, and so initialises every rule Calcite has).
 */
public final class StandardPlanner {
  private StandardPlanner() {}

  public static RelOptPlanner create(CalcitePrepare.Context prepareContext, Context externalContext,
      RelOptCostFactory costFactory, boolean enableBindable) {
    Context context = externalContext != null ? externalContext : Contexts.of(prepareContext.config());
    VolcanoPlanner planner = new VolcanoPlanner(costFactory, context);
    planner.setExecutor(new RexExecutorImpl(DataContexts.EMPTY));
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    if (CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value()) {
      planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    }
    planner.setTopDownOpt(prepareContext.config().topDownOpt());
    StandardRules.register(planner, prepareContext.config().materializationsEnabled(), enableBindable);
    // Calcite's Spark handler would be asked here for rules; its hook adds none.
    Hook.PLANNER.run(planner); // lets a test add or remove rules, as with Calcite's planner
    return planner;
  }
}
