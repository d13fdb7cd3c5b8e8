package dev.apiquery.sql;

import java.lang.reflect.Type;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import dev.apiquery.sql.plan.LazyConvertletTable;
import dev.apiquery.sql.plan.ReflectiveMetadata;
import dev.apiquery.sql.plan.StandardPlanner;

/**
 * Calcite's statement preparation, with {@code Statement.setMaxRows(n)} applied so that it costs
 * no more requests than {@code LIMIT n}:
 * <ul>
 *   <li>a query without ORDER BY gets a {@code LIMIT n} on top of its plan, which the planner
 *       pushes into the scan like a written LIMIT (so the first request asks for n rows), and its
 *       scans are told the max rows (they never fetch ahead past them);
 *   <li>with ORDER BY the limit cannot reach the scan, which must read everything to sort it:
 *       the scan is told nothing, and keeps its fetch-ahead and concurrent pages.
 * </ul>
 * Calcite caps the rows with a take() that asks the scan for row n+1 before noticing it has n,
 * so a cap that ends on a page boundary waited for a whole useless page; this cap stops before
 * asking ({@link ApiLimit#first}). Its planner is Calcite's default one, built without
 * {@code CoreRules} ({@link StandardPlanner}); a plain query ({@link PlainSelect}) is prepared
 * without any of it ({@link PlainPrepare}), every other statement by an
 * {@link ApiPreparingStmt} (quoted names, the program, code-free plans), whose cluster answers
 * metadata by reflection until the plan turns out not to be plain ({@link ReflectiveMetadata}).
 */
public final class MaxRowsPrepare extends CalcitePrepareImpl {
  /** The DataContext entry that tells scans the statement's max rows (they never fetch ahead past it). */
  static final String MAX_ROWS = "apiquery.maxRows";

  /** The max rows of the statement being prepared on this thread, for {@link #getPreparingStmt}. */
  private static final ThreadLocal<Long> PREPARING_MAX_ROWS = new ThreadLocal<>();

  /** The text of the statement being prepared on this thread: where its quoted names are spelled. */
  private static final ThreadLocal<String> PREPARING_SQL = new ThreadLocal<>();

  @Override
  public <T> CalciteSignature<T> prepareSql(
      Context context, Query<T> query, Type elementType, long maxRowCount) {
    PREPARING_MAX_ROWS.set(maxRowCount);
    PREPARING_SQL.set(query.sql);
    CalciteSignature<T> signature;
    try {
      @SuppressWarnings("unchecked")
      CalciteSignature<T> plain = elementType == Object[].class
          ? (CalciteSignature<T>) PlainPrepare.prepare(context, query.sql, maxRowCount) : null;
      signature = plain != null ? plain : super.prepareSql(context, query, elementType, -1);
    } finally {
      PREPARING_MAX_ROWS.remove();
      PREPARING_SQL.remove();
    }
    if (maxRowCount < 0) {
      return signature;
    }
    boolean ordered = !signature.getCollationList().isEmpty()
        && !signature.getCollationList().get(0).getFieldCollations().isEmpty();
    return new CalcitePrepare.CalciteSignature<>(
        signature.sql,
        signature.parameters,
        signature.internalParameters,
        signature.rowType,
        signature.columns,
        signature.cursorFactory,
        signature.rootSchema,
        signature.getCollationList(),
        -1,
        dataContext -> ApiLimit.first(
            signature.enumerable(ordered ? dataContext : withMaxRows(dataContext, maxRowCount)), 0, maxRowCount),
        signature.statementType);
  }

  @Override
  protected SqlRexConvertletTable createConvertletTable() {
    return LazyConvertletTable.INSTANCE;
  }

  // The planner's Context is qualified: here Context is CalcitePrepare's, as in prepareSql.
  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.Context externalContext, RelOptCostFactory costFactory) {
    return StandardPlanner.create(prepareContext, externalContext, costFactory, enableBindable);
  }

  @Override
  protected CalcitePreparingStmt getPreparingStmt(Context context, Type elementType,
      CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    Long maxRows = PREPARING_MAX_ROWS.get();
    String sql = PREPARING_SQL.get();
    JavaTypeFactory typeFactory = context.getTypeFactory();
    EnumerableRel.Prefer prefer = elementType == Object[].class ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
    RelOptCluster cluster = createCluster(planner, new RexBuilder(typeFactory));
    ReflectiveMetadata.use(cluster); // until the program sees a plan that is not plain
    return new ApiPreparingStmt(this, context, catalogReader, typeFactory, prefer, cluster,
        createConvertletTable(), sql, maxRows);
  }

  private static DataContext withMaxRows(DataContext root, long maxRows) {
    return new DataContext() {
      @Override
      public SchemaPlus getRootSchema() {
        return root.getRootSchema();
      }

      @Override
      public JavaTypeFactory getTypeFactory() {
        return root.getTypeFactory();
      }

      @Override
      public QueryProvider getQueryProvider() {
        return root.getQueryProvider();
      }

      @Override
      public Object get(String name) {
        return MAX_ROWS.equals(name) ? (Object) maxRows : root.get(name);
      }
    };
  }
}
