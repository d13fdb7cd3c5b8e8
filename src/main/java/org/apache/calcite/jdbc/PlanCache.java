package org.apache.calcite.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plans of a connection's recent queries. Calcite parses, validates, optimizes and compiles
 * (Janino) every {@code executeQuery} again, which is most of a small query's time (about 90% of a
 * warm {@code LIMIT 10}); a plan depends only on the SQL text, the max rows it was prepared for
 * and the default schema (the connection's options are fixed when it opens), so one made once
 * serves every later statement of the same text. Everything per execution (parameter values,
 * the cancel flag, the query timeout, OAuth refresh, warnings, scan statistics) comes from the
 * DataContext of that execution, not from the plan.
 */
final class PlanCache {
  /** Plans kept per connection: the queries a client or a dashboard repeats, not a history. */
  static final int CAPACITY = 64;

  /**
   * What a plan depends on. Its equals and hashCode are written out: a record's generated ones
   * link through ObjectMethods (method handles) on first use, work a fresh JVM's first query paid.
   */
  record Key(String sql, long maxRows, List<String> schemaPath) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key && Objects.equals(((Key) o).sql, sql) && ((Key) o).maxRows == maxRows
          && Objects.equals(((Key) o).schemaPath, schemaPath);
    }

    @Override
    public int hashCode() {
      return (Objects.hashCode(sql) * 31 + Long.hashCode(maxRows)) * 31 + Objects.hashCode(schemaPath);
    }
  }

  private final Map<Key, CalcitePrepare.CalciteSignature<?>> plans = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, CalcitePrepare.CalciteSignature<?>> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized CalcitePrepare.CalciteSignature<?> get(Key key) {
    return plans.get(key);
  }

  synchronized void put(Key key, CalcitePrepare.CalciteSignature<?> signature) {
    plans.put(key, signature);
  }
}
