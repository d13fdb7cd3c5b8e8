package dev.apiquery.sql;

import dev.apiquery.errors.ScanErrors;
import dev.apiquery.paging.ScanWindow;
import dev.apiquery.profile.DataType;
import dev.apiquery.profile.script.Item;
import dev.apiquery.scan.ConnectionContext;
import dev.apiquery.scan.ScanCalls;
import dev.apiquery.scan.ScanStats;
import dev.apiquery.value.ConversionException;
import dev.apiquery.value.ValueConverter;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * {@code SELECT COUNT(*)} answered from the total the API reports ({@link TotalPath}): one
 * request per chain, asking for one row, instead of reading every page. The total is clipped to
 * the spec's {@code _row} range. Called from the code Calcite generates for {@link ApiCountScan}.
 */
public final class TotalCount {
  private final ApiTable table;
  private final ApiQuerySpec plannedSpec;
  private final String totalPath;
  /** How many columns the aggregate returns: each is the same count. */
  private final int columns;

  TotalCount(ApiTable table, ApiQuerySpec plannedSpec, String totalPath, int columns) {
    this.table = table;
    this.plannedSpec = plannedSpec.withProjects(new int[0]);
    this.totalPath = totalPath;
    this.columns = columns;
  }

  /** The one row of counts; a bare value for one column (Calcite's SCALAR row format). */
  public Enumerable<Object> rows(DataContext root) {
    long count;
    try {
      count = count(root);
    } catch (SQLException e) {
      throw ScanErrors.sneakyThrow(e);
    }
    if (columns == 1) {
      return Linq4j.singletonEnumerable(count);
    }
    Object[] row = new Object[columns];
    Arrays.fill(row, count);
    return Linq4j.singletonEnumerable(row);
  }

  private long count(DataContext root) throws SQLException {
    ApiQuerySpec spec = ParameterBinder.bind(plannedSpec, root);
    if (spec == null || spec.rowRange().isEmpty()) {
      return 0;
    }
    ConnectionContext context = table.context();
    QueryControl control = QueryControl.from(root, context.timeoutMillis());
    ScanPlan plan = new ScanPlan(table, spec, context, totalPath);
    ScanStats stats = new ScanStats(plan.tableName());
    String outcome = "failed";
    ScanCalls calls = new ScanCalls(plan.tableName(), stats, context.timeoutMillis(), control::cancelled,
        control::remainingMillis);
    try {
      context.http().beforeQuery();
      long count = 0;
      for (ChainInputs chain : ChainInputs.expand(spec)) {
        count += inRange(chainTotal(plan, chain, calls), spec.rowRange());
      }
      outcome = "complete (COUNT(*) from " + totalPath + ")";
      return count;
    } finally {
      calls.close();
      context.scanLog().record(stats, outcome);
    }
  }

  /** The total the chain's first page reports; 0 when that page has no rows. */
  private long chainTotal(ScanPlan plan, ChainInputs inputs, ScanCalls calls) throws SQLException {
    RequestChain chain = new RequestChain(plan, inputs, new ScanWindow(0, 1), -1, calls, false);
    try {
      Item first = chain.next();
      if (first == null) {
        return 0;
      }
      Object total = first.raw(ScanPlan.DOCUMENT_VALUE);
      try {
        Object value = total == null ? null : ValueConverter.toInternal(total, DataType.BIGINT, null);
        if (value instanceof Long n && n >= 0) {
          return n;
        }
      } catch (ConversionException e) {
        // reported below, with the value
      }
      throw ScanErrors.of(plan.tableName(), "COUNT(*) reads the total row count at " + totalPath
          + ", but the first page has " + (total == null ? "no value there" : "'" + total + "' there, not a count")
          + " (fix the profile's " + TotalPath.ATTRIBUTE + " or its total column)", ScanErrors.GENERAL, null);
    } finally {
      chain.close();
    }
  }

  private static long inRange(long total, RowRange range) {
    long end = range.to() < 0 ? total : Math.min(total, range.to());
    return Math.max(0, end - range.from());
  }

  @Override
  public String toString() {
    return "COUNT(*) from " + totalPath + " " + plannedSpec;
  }

  /** For EXPLAIN. */
  List<String> describe() {
    return List.of("total at " + totalPath, table.describeRequests(plannedSpec.withOffsetAndFetch(0, 1)));
  }
}
