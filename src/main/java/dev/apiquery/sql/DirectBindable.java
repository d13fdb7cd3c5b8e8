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
import org.apache.calcite.rel.type.RelDataType;
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
 * A plain query prepared without Calcite ({@link PlainPrepare}) gets the same two forms.
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
    if (root.rel instanceof EnumerableValues values && values.getTuples().isEmpty()) {
      return empty(root.validatedRowType, typeFactory);
    }
    if (!(root.rel instanceof ApiEnumerableTableScan scan) || !ParameterBinder.correlated(scan.spec).isEmpty()) {
      return null; // a lookup join's inner scan never stands alone: it needs the join's correlation variables
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
    return scan(scan.apiTable, planned, root.validatedRowType, typeFactory);
  }

  /** The bindable of a query proven empty: no rows, no request. */
  static DirectBindable empty(RelDataType rowType, JavaTypeFactory typeFactory) {
    return new DirectBindable(dataContext -> Linq4j.emptyEnumerable(), rowClass(rowType, typeFactory));
  }

  /**
   * The bindable of one scan of the table with everything pushed into its spec. The query's
   * columns may be some of the table's, each once and in any order (the spec's projection):
   * the scan then returns just those, which changes no request.
   */
  @SuppressWarnings("unchecked")
  static DirectBindable scan(ApiTable table, ApiQuerySpec spec, RelDataType rowType, JavaTypeFactory typeFactory) {
    Function<DataContext, Enumerable<Object>> rows = rowType.getFieldCount() == 1
        ? dataContext -> table.queryOneColumn(dataContext, spec)
        : dataContext -> (Enumerable<Object>) (Enumerable<?>) table.query(dataContext, spec);
    return new DirectBindable(rows, rowClass(rowType, typeFactory));
  }

  /**
   * The bindable of {@code SELECT n FROM t ...} (Spark's {@code count()}): n for each row of one
   * scan of the table (whose spec returns one column: its values are not looked at).
   */
  static DirectBindable constant(ApiTable table, ApiQuerySpec spec, Object value, RelDataType rowType,
      JavaTypeFactory typeFactory) {
    return new DirectBindable(dataContext -> table.queryOneColumn(dataContext, spec).select(row -> value),
        rowClass(rowType, typeFactory));
  }

  /** The row shape Calcite's code would declare (its PhysType's): Object[] rows, a bare value for one column. */
  private static Type rowClass(RelDataType rowType, JavaTypeFactory typeFactory) {
    return PhysTypeImpl.of(typeFactory, rowType, JavaRowFormat.ARRAY).getJavaRowType();
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
