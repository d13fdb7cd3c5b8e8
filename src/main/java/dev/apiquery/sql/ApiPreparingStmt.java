package dev.apiquery.sql;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.Holder;
import dev.apiquery.sql.plan.StandardProgram;

/**
 * The preparation of one statement ({@link MaxRowsPrepare}): Calcite's, with
 * <ul>
 *   <li>the program built without {@code CoreRules} ({@link StandardProgram}), then each literal
 *       LIMIT that stayed above the scans, and the lookup joins under it, fitted to its row count
 *       ({@link LimitPass});
 *   <li>quoted names checked against the statement's text ({@link QuotedNames});
 *   <li>{@code Statement.setMaxRows(n)} as a {@code LIMIT n} on top of a plan without ORDER BY;
 *   <li>a plan that is one scan, or proven empty, executed without generated code
 *       ({@link DirectBindable}).
 * </ul>
 */
final class ApiPreparingStmt extends CalcitePrepareImpl.CalcitePreparingStmt {
  private final JavaTypeFactory javaTypeFactory;
  private final RelOptCluster relCluster;
  private final String sql;
  private final Long maxRows;

  ApiPreparingStmt(CalcitePrepareImpl prepare, CalcitePrepare.Context context, CalciteCatalogReader catalogReader,
      JavaTypeFactory typeFactory, EnumerableRel.Prefer prefer, RelOptCluster cluster,
      SqlRexConvertletTable convertletTable, String sql, Long maxRows) {
    super(prepare, context, catalogReader, typeFactory, context.getRootSchema(), prefer, cluster,
        EnumerableConvention.INSTANCE, convertletTable);
    this.javaTypeFactory = typeFactory;
    this.relCluster = cluster;
    this.sql = sql;
    this.maxRows = maxRows;
  }

  @Override
  protected Program getProgram() {
    Holder<Program> holder = Holder.empty();
    Hook.PROGRAM.run(holder); // a test's program first, as Calcite's getProgram
    Program program = holder.get() != null ? holder.get() : StandardProgram.INSTANCE;
    return (planner, rel, traits, materializations, lattices) ->
        LimitPass.fit(program.run(planner, rel, traits, materializations, lattices));
  }

  @Override
  protected SqlToRelConverter getSqlToRelConverter(SqlValidator validator, CatalogReader reader,
      SqlToRelConverter.Config config) {
    return new SqlToRelConverter(this, validator, reader, relCluster, convertletTable, config) {
      @Override
      public RelRoot convertQuery(SqlNode query, boolean needsValidation, boolean top) {
        if (!needsValidation) {
          return super.convertQuery(query, false, top);
        }
        SqlNode validated = validator.validate(query);
        QuotedNames.check(sql, validated);
        return super.convertQuery(validated, false, top);
      }
    };
  }

  @Override
  protected RelRoot trimUnusedFields(RelRoot root) {
    RelRoot trimmed = super.trimUnusedFields(root);
    if (maxRows == null || maxRows < 0 || !trimmed.kind.belongsTo(SqlKind.QUERY)
        || !trimmed.collation.getFieldCollations().isEmpty()) {
      return trimmed;
    }
    RexBuilder rexBuilder = trimmed.rel.getCluster().getRexBuilder();
    return trimmed.withRel(LogicalSort.create(trimmed.rel, RelCollations.EMPTY, null,
        rexBuilder.makeExactLiteral(BigDecimal.valueOf(maxRows))));
  }

  @Override
  protected PreparedResult implement(RelRoot root) {
    DirectBindable direct = DirectBindable.of(root, javaTypeFactory);
    if (direct == null) {
      return super.implement(root);
    }
    // What Calcite's implement() returns, with a direct call instead of compiled code.
    Hook.PLAN_BEFORE_IMPLEMENTATION.run(root);
    return new PreparedResultImpl(root.rel.getRowType(), parameterRowType, fieldOrigins,
        root.collation.getFieldCollations().isEmpty() ? List.of() : List.of(root.collation),
        root.rel, mapTableModOp(false, root.kind), false) {
      @Override
      public String getCode() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Bindable getBindable(Meta.CursorFactory cursorFactory) {
        return direct;
      }

      @Override
      public Type getElementType() {
        return direct.getElementType();
      }
    };
  }
}
