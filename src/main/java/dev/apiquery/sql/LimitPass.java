package dev.apiquery.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.rel.RelNode;

/**
 * A pass over the physical plan, after planning and before EXPLAIN shows it, for a {@code LIMIT n}
 * (or {@code setMaxRows(n)}) of literal values that could not be pushed into a scan:
 * <ul>
 *   <li>the limit becomes an {@link ApiLimit}, which stops after its n-th row instead of reading
 *       one more (another page, another batch of lookups);
 *   <li>a lookup join under it gets batches of n outer rows: Calcite's batch join reads the inner
 *       side for the whole batch before it hands out the batch's first row, so {@code LIMIT 5}
 *       above batches of 100 sent 100 lookups. With batches of n, a join whose outer rows each
 *       find a match (every LEFT join) sends n; outer rows without a match cost more batches of n.
 * </ul>
 * Neither changes a result: only when and how many requests are sent.
 */
final class LimitPass {
  private LimitPass() {}

  static RelNode fit(RelNode plan) {
    return fit(plan, -1);
  }

  /** @param rows the most rows the consumer of {@code rel} reads, or -1 when not known */
  private static RelNode fit(RelNode rel, long rows) {
    RelNode current = rel;
    long below = -1;
    if (rel instanceof EnumerableLimit limit && !(rel instanceof ApiLimit)) {
      ApiLimit exact = ApiLimit.of(limit);
      if (exact != null) {
        current = exact;
        below = exact.skip() + exact.rows();
      }
    } else if (rel instanceof EnumerableCalc) {
      below = rows; // a projection, or a filter after which the join only runs more batches
    } else if (rel instanceof ApiLookupJoin join && rows >= 0 && rows < join.batchSize()) {
      current = join.withBatchSize((int) Math.max(1, rows));
    }
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = current != rel;
    for (RelNode input : current.getInputs()) {
      RelNode fitted = fit(input, below);
      changed |= fitted != input;
      inputs.add(fitted);
    }
    return changed ? current.copy(current.getTraitSet(), inputs) : rel;
  }
}
