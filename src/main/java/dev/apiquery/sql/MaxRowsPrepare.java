package dev.apiquery.sql;

import java.lang.reflect.Type;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.prepare.CalcitePrepareImpl;

/**
 * Calcite's statement preparation, with {@code Statement.setMaxRows(n)} applied so that it costs
 * no more requests than {@code LIMIT n}. Calcite caps the rows with a take() that asks the scan
 * for row n+1 before noticing it has n, so a cap that ends on a page boundary fetched a whole
 * useless page; this cap stops before asking.
 */
public final class MaxRowsPrepare extends CalcitePrepareImpl {
  /** The DataContext entry that tells scans the statement's max rows (they never fetch ahead past it). */
  static final String MAX_ROWS = "apiquery.maxRows";

  @Override
  public <T> CalciteSignature<T> prepareSql(
      Context context, Query<T> query, Type elementType, long maxRowCount) {
    CalciteSignature<T> signature = super.prepareSql(context, query, elementType, -1);
    if (maxRowCount < 0) {
      return signature;
    }
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
        dataContext -> capped(signature.enumerable(withMaxRows(dataContext, maxRowCount)), maxRowCount),
        signature.statementType);
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

  private static <T> Enumerable<T> capped(Enumerable<T> source, long maxRows) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        Enumerator<T> inner = source.enumerator();
        return new Enumerator<>() {
          private long count;

          @Override
          public T current() {
            return inner.current();
          }

          @Override
          public boolean moveNext() {
            if (count >= maxRows) {
              return false; // without asking the scan for one more row
            }
            if (inner.moveNext()) {
              count++;
              return true;
            }
            return false;
          }

          @Override
          public void reset() {
            inner.reset();
            count = 0;
          }

          @Override
          public void close() {
            inner.close();
          }
        };
      }
    };
  }
}
