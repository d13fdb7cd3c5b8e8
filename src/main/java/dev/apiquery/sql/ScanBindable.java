package dev.apiquery.sql;

import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Typed;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Pair;

/**
 * The executable form of a query whose whole plan is one scan with everything pushed into it
 * (projection, filters, limit): the call Calcite's generated code would make
 * ({@link ApiEnumerableTableScan#implement}), made without generating Java source and compiling it.
 * In a fresh JVM the first Janino compilation costs about half a second of CPU, more than the rest
 * of such a query's execution; a Spark executor or a DBeaver session pays it on its first query.
 */
final class ScanBindable implements Bindable<Object>, Typed {
  private final ApiTable table;
  private final ApiQuerySpec spec;
  private final boolean oneColumn;
  private final Type elementType;

  private ScanBindable(ApiTable table, ApiQuerySpec spec, boolean oneColumn, Type elementType) {
    this.table = table;
    this.spec = spec;
    this.oneColumn = oneColumn;
    this.elementType = elementType;
  }

  /**
   * The bindable of a plan that is one scan, or null for any other plan (which Calcite's code
   * generation implements). The query's columns may be some of the scan's, each once and in any
   * order (a {@code SELECT *} leaves out {@code _row}): the scan then returns just those, as if
   * the projection had been pushed into it, which changes no request. A lookup join's inner scan
   * never stands alone: it needs the join's correlation variables.
   */
  static ScanBindable of(RelRoot root, JavaTypeFactory typeFactory) {
    if (!(root.rel instanceof ApiEnumerableTableScan) || !root.kind.belongsTo(SqlKind.QUERY)) {
      return null;
    }
    ApiEnumerableTableScan scan = (ApiEnumerableTableScan) root.rel;
    if (!ParameterBinder.correlated(scan.spec).isEmpty()) {
      return null;
    }
    ApiQuerySpec spec = scan.spec;
    if (!root.isRefTrivial()) {
      List<Integer> fields = Pair.left(root.fields);
      if (new HashSet<>(fields).size() != fields.size()) {
        return null; // a column twice: Calcite's code copies it
      }
      int[] projects = new int[fields.size()];
      for (int k = 0; k < projects.length; k++) {
        projects[k] = spec.tableField(fields.get(k));
      }
      spec = spec.withProjects(projects);
    }
    // The row shape the scan's implement() declares: Object[] rows, a bare value for one column.
    PhysType physType = PhysTypeImpl.of(typeFactory, root.validatedRowType, JavaRowFormat.ARRAY);
    return new ScanBindable(scan.apiTable, spec, physType.getFormat() == JavaRowFormat.SCALAR,
        physType.getJavaRowType());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Enumerable<Object> bind(DataContext dataContext) {
    return oneColumn
        ? table.queryOneColumn(dataContext, spec)
        : (Enumerable<Object>) (Enumerable<?>) table.query(dataContext, spec);
  }

  @Override
  public Type getElementType() {
    return elementType;
  }
}
