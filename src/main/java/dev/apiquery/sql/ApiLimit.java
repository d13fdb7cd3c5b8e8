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
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * A {@code LIMIT} of literal offset and row count that stops at its last row. Calcite's own asks
 * its input for one row more before it stops ({@code take()} tests the count after reading), which
 * above a filter, a join or a lookup join can start another page or another batch of lookups that
 * no row of the result needs. Replaces {@link EnumerableLimit} after planning ({@link LimitPass}).
 */
public final class ApiLimit extends EnumerableLimit {
  private ApiLimit(RelOptCluster cluster, RelTraitSet traitSet, RelNode input, RexNode offset, RexNode fetch) {
    super(cluster, traitSet, input, offset, fetch);
  }

  /** The limit as an {@code ApiLimit}, or null when its row count is absent or not a literal (a parameter). */
  static ApiLimit of(EnumerableLimit limit) {
    if (literal(limit.fetch) < 0 || (limit.offset != null && literal(limit.offset) < 0)) {
      return null;
    }
    return new ApiLimit(limit.getCluster(), limit.getTraitSet(), limit.getInput(), limit.offset, limit.fetch);
  }

  @Override
  public ApiLimit copy(RelTraitSet traitSet, List<RelNode> newInputs) {
    return new ApiLimit(getCluster(), traitSet, sole(newInputs), offset, fetch);
  }

  /** Rows skipped (the offset, 0 without one). */
  long skip() {
    return offset == null ? 0 : literal(offset);
  }

  /** Rows returned at most (the row count). */
  long rows() {
    return literal(fetch);
  }

  /** A non-negative literal's value, or -1 for anything else (absent, a dynamic parameter). */
  private static long literal(RexNode node) {
    if (node instanceof RexLiteral literal) {
      Long value = literal.getValueAs(Long.class);
      return value == null || value < 0 ? -1 : value;
    }
    return -1;
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    Expression source = builder.append("input", input.block);
    builder.add(Expressions.call(ApiLimit.class, "first", source, Expressions.constant(skip()),
        Expressions.constant(rows())));
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
