package dev.apiquery.sql;

import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableValues;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Typed;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Pair;

/**
 * The executable form of a plan simple enough to need no generated code, made without generating
 * Java source and compiling it: in a fresh JVM the first Janino compilation costs about half a
 * second of CPU, more than the rest of such a query's execution, and a Spark executor or a DBeaver
 * session pays it on its first query. Two plans qualify:
 * <ul>
 *   <li>one scan with everything pushed into it (projection, filters, limit): the call Calcite's
 *       generated code would make ({@link ApiEnumerableTableScan#implement});
 *   <li>a plan the planner proved empty ({@code WHERE 1=0}: what Spark's JDBC source, and many BI
 *       tools, send first to learn a table's columns): no rows, no request.
 * </ul>
 */
final class DirectBindable implements Bindable<Object>, Typed {
  private final Function<DataContext, Enumerable<Object>> rows;
  private final Type elementType;

  private DirectBindable(Function<DataContext, Enumerable<Object>> rows, Type elementType) {
    this.rows = rows;
    this.elementType = elementType;
  }

  /** The bindable of a plan that is one scan or proven empty, or null for any other plan. */
  static DirectBindable of(RelRoot root, JavaTypeFactory typeFactory) {
    if (!root.kind.belongsTo(SqlKind.QUERY)) {
      return null;
    }
    Function<DataContext, Enumerable<Object>> rows =
        root.rel instanceof EnumerableValues values && values.getTuples().isEmpty()
            ? dataContext -> Linq4j.emptyEnumerable()
            : scan(root);
    // The row shape Calcite's code would declare: Object[] rows, a bare value for one column.
    return rows == null ? null
        : new DirectBindable(rows, PhysTypeImpl.of(typeFactory, root.validatedRowType, JavaRowFormat.ARRAY)
            .getJavaRowType());
  }

  /**
   * The rows of a plan that is one scan, or null for any other plan. The query's columns may be
   * some of the scan's, each once and in any order: the scan then returns just those, as if the
   * projection had been pushed into it, which changes no request. A lookup join's inner scan
   * never stands alone: it needs the join's correlation variables.
   */
  @SuppressWarnings("unchecked")
  private static Function<DataContext, Enumerable<Object>> scan(RelRoot root) {
    if (!(root.rel instanceof ApiEnumerableTableScan scan) || !ParameterBinder.correlated(scan.spec).isEmpty()) {
      return null;
    }
    ApiQuerySpec planned = scan.spec;
    if (!root.isRefTrivial()) {
      List<Integer> fields = Pair.left(root.fields);
      if (new HashSet<>(fields).size() != fields.size()) {
        return null; // a column twice: Calcite's code copies it
      }
      int[] projects = new int[fields.size()];
      for (int k = 0; k < projects.length; k++) {
        projects[k] = planned.tableField(fields.get(k));
      }
      planned = planned.withProjects(projects);
    }
    ApiTable table = scan.apiTable;
    ApiQuerySpec spec = planned;
    return root.validatedRowType.getFieldCount() == 1
        ? dataContext -> table.queryOneColumn(dataContext, spec)
        : dataContext -> (Enumerable<Object>) (Enumerable<?>) table.query(dataContext, spec);
  }

  @Override
  public Enumerable<Object> bind(DataContext dataContext) {
    return rows.apply(dataContext);
  }

  @Override
  public Type getElementType() {
    return elementType;
  }
}
