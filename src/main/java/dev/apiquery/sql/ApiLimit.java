package dev.apiquery.sql;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;

/**
 * A {@code LIMIT} of literal offset and row count that stops at its last row. Calcite's own asks
 * its input for one row more before it stops ({@code take()} tests the count after reading), which
 * above a filter, a join or a lookup join can start another page or another batch of lookups that
 * no row of the result needs. Replaces {@link EnumerableLimit} after planning ({@link LimitPass}).
 */
public final class ApiLimit extends EnumerableLimit {
  private final long skip;
  private final long rows;

  private ApiLimit(RelOptCluster cluster, RelTraitSet traitSet, RelNode input, RexNode offset, RexNode fetch,
      long skip, long rows) {
    super(cluster, traitSet, input, offset, fetch);
    this.skip = skip;
    this.rows = rows;
  }

  /** The limit as an {@code ApiLimit}, given its offset's and row count's values (offset 0 when absent). */
  static ApiLimit of(EnumerableLimit limit, long skip, long rows) {
    return new ApiLimit(limit.getCluster(), limit.getTraitSet(), limit.getInput(), limit.offset, limit.fetch,
        skip, rows);
  }

  @Override
  public ApiLimit copy(RelTraitSet traitSet, List<RelNode> newInputs) {
    return new ApiLimit(getCluster(), traitSet, sole(newInputs), offset, fetch, skip, rows);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    Expression source = builder.append("input", input.block);
    builder.add(Expressions.call(ApiLimit.class, "first", source, Expressions.constant(skip),
        Expressions.constant(rows)));
    return implementor.result(input.physType, builder.toBlock());
  }

  /** Rows {@code skip + 1} to {@code skip + rows} of {@code source}, never asking it for one more. */
  public static <T> Enumerable<T> first(Enumerable<T> source, long skip, long rows) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        Enumerator<T> in = source.enumerator();
        return new Enumerator<>() {
          private long skipped;
          private long taken;

          @Override
          public T current() {
            return in.current();
          }

          @Override
          public boolean moveNext() {
            if (taken >= rows) {
              return false; // without asking the input for one more row
            }
            for (; skipped < skip; skipped++) {
              if (!in.moveNext()) {
                taken = rows;
                return false;
              }
            }
            if (in.moveNext()) {
              taken++;
              return true;
            }
            taken = rows;
            return false;
          }

          @Override
          public void reset() {
            in.reset();
            skipped = 0;
            taken = 0;
          }

          @Override
          public void close() {
            in.close();
          }
        };
      }
    };
  }
}
