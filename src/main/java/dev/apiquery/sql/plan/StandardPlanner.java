package dev.apiquery.sql.plan;

import org.apache.calcite.DataContexts;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.runtime.Hook;

/**
 * The planner of {@code CalcitePrepareImpl.createPlanner}, with its rules from
 * {@link StandardRules} instead of {@code RelOptUtil.registerDefaultRules} (which reads them from
 * {@code CoreRules}, and so builds every rule Calcite has). They are added when the plan to
 * optimise is first set as the root, before any of it is registered, so that a plain statement
 * gets the short list; a program that sets no root runs no cost-based pass and needs none.
 * (Rules that a {@code Hook.PLANNER} handler adds are therefore added before them.)
 */
public final class StandardPlanner extends VolcanoPlanner {
  private final boolean materializations;
  private final boolean bindable;
  private boolean rulesAdded;

  private StandardPlanner(RelOptCostFactory costFactory, Context context, boolean materializations,
      boolean bindable) {
    super(costFactory, context);
    this.materializations = materializations;
    this.bindable = bindable;
  }

  public static RelOptPlanner create(CalcitePrepare.Context prepareContext, Context externalContext,
      RelOptCostFactory costFactory, boolean enableBindable) {
    Context context = externalContext != null ? externalContext : Contexts.of(prepareContext.config());
    StandardPlanner planner = new StandardPlanner(costFactory, context,
        prepareContext.config().materializationsEnabled(), enableBindable);
    planner.setExecutor(new RexExecutorImpl(DataContexts.EMPTY));
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    if (CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value()) {
      planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    }
    planner.setTopDownOpt(prepareContext.config().topDownOpt());
    // Calcite's Spark handler would be asked here for rules; its hook adds none.
    Hook.PLANNER.run(planner); // lets a test add or remove rules, as with Calcite's planner
    return planner;
  }

  /** Calcite's executor behind one that first tries simplification ({@link SimplifyingExecutor}). */
  @Override
  public void setExecutor(RexExecutor executor) {
    super.setExecutor(executor == null || executor instanceof SimplifyingExecutor
        ? executor : new SimplifyingExecutor(executor));
  }

  @Override
  public void setRoot(RelNode rel) {
    if (!rulesAdded) {
      rulesAdded = true;
      StandardRules.register(this, rel, materializations, bindable);
    }
    super.setRoot(rel);
  }
}
