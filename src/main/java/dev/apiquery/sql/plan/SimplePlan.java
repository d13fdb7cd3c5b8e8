package dev.apiquery.sql.plan;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;

/**
 * Whether a logical plan is made only of table scans, projections, filters, sorts (with or
 * without LIMIT/OFFSET) and values, with no window expression ({@code OVER}) and no sub-query
 * left in it: then the only planner rules that can fire on it are {@link StandardRules}' short
 * list, and those make nothing but the same operators (a merged or transposed projection or
 * filter, empty values, a scan with work pushed into it).
 */
final class SimplePlan {
  private SimplePlan() {}

  static boolean test(RelNode rel) {
    if (rel instanceof Project) {
      Project project = (Project) rel;
      if (RexOver.containsOver(project.getProjects(), null) || RexUtil.SubQueryFinder.containsSubQuery(project)) {
        return false;
      }
    } else if (rel instanceof Filter) {
      Filter filter = (Filter) rel;
      if (RexOver.containsOver(filter.getCondition()) || RexUtil.SubQueryFinder.containsSubQuery(filter)) {
        return false;
      }
    } else if (!(rel instanceof Sort || rel instanceof TableScan || rel instanceof Values)) {
      return false;
    }
    for (RelNode input : rel.getInputs()) {
      if (!test(input)) {
        return false;
      }
    }
    return true;
  }
}
