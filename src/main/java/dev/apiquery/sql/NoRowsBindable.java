package dev.apiquery.sql;

import java.lang.reflect.Type;
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

/**
 * The executable form of a query the planner proved empty ({@code WHERE 1=0}: what Spark's JDBC
 * source, and many BI tools, send first to learn a table's columns), made without generating and
 * compiling code for it, as {@link ScanBindable} does for a plan that is one scan. It sends nothing.
 */
final class NoRowsBindable implements Bindable<Object>, Typed {
  private final Type elementType;

  private NoRowsBindable(Type elementType) {
    this.elementType = elementType;
  }

  /** The bindable of a plan that is an empty VALUES, or null for any other plan. */
  static NoRowsBindable of(RelRoot root, JavaTypeFactory typeFactory) {
    if (!(root.rel instanceof EnumerableValues values) || !values.getTuples().isEmpty()
        || !root.kind.belongsTo(SqlKind.QUERY)) {
      return null;
    }
    // The row shape Calcite's code would declare: Object[] rows, a bare value for one column.
    return new NoRowsBindable(PhysTypeImpl.of(typeFactory, root.validatedRowType, JavaRowFormat.ARRAY).getJavaRowType());
  }

  @Override
  public Enumerable<Object> bind(DataContext dataContext) {
    return Linq4j.emptyEnumerable();
  }

  @Override
  public Type getElementType() {
    return elementType;
  }
}
