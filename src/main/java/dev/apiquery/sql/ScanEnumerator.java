package dev.apiquery.sql;

import dev.apiquery.errors.ScanErrors;
import dev.apiquery.http.Exchange;
import dev.apiquery.value.ConversionException;
import dev.apiquery.value.RowConverter;
import dev.apiquery.value.ValueConverter;
import dev.apiquery.paging.ScanWindow;
import dev.apiquery.profile.script.CallStatement;
import dev.apiquery.profile.script.Item;
import dev.apiquery.scan.ConnectionContext;
import dev.apiquery.scan.RowValues;
import dev.apiquery.scan.ScanCalls;
import dev.apiquery.scan.ScanStats;
import dev.apiquery.scan.ScanWarnings;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.linq4j.Enumerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the rows of a scan: one request chain per set of pushed input values, page after page,
 * converting only the projected fields. It holds one page at a time, stops as soon as the spec's
 * fetch is reached (without another request), and checks the statement's cancel flag and query
 * timeout before every row and request.
 */
final class ScanEnumerator implements Enumerator<Object[]> {
  private static final Logger LOG = LoggerFactory.getLogger(ScanEnumerator.class);

  private final ScanPlan plan;
  private final ConnectionContext context;
  private final QueryControl control;
  private final Iterator<ChainInputs> chains;
  private final long fetch;
  private final boolean singleChain;

  private final ScanStats stats;
  private boolean reported;
  private boolean started;
  private RequestChain chain;
  /** Of the current chain's rowsSkippedAtSource, what the skip count already includes. */
  private long chainSkipCounted;
  private Object[] current;
  private long skipped;
  private long emitted;
  private long conversionFailures;
  /** Items the finished chains' calls returned, and rows they pushed: a script may push none. */
  private long chainItems;
  private long chainRows;
  private String conversionExample;
  private volatile boolean closed;
  private final ScanCalls calls;

  ScanEnumerator(ScanPlan plan, ConnectionContext context, QueryControl control) {
    this.plan = plan;
    this.context = context;
    this.control = control;
    List<ChainInputs> all = ChainInputs.expand(plan.spec);
    this.singleChain = all.size() == 1;
    this.chains = all.iterator();
    this.fetch = plan.spec.fetch();
    this.stats = new ScanStats(plan.tableName());
    this.calls = new ScanCalls(plan.tableName(), stats, context.timeoutMillis(),
        () -> closed || control.cancelled(), control::remainingMillis);
    // A new execution of the statement: its earlier conversion warnings no longer apply.
    ScanWarnings.clear(control.statementFlag());
  }

  @Override
  public Object[] current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    try {
      return advance();
    } catch (SQLException e) {
      throw ScanErrors.sneakyThrow(e);
    }
  }

  private boolean advance() throws SQLException {
    try {
      return step();
    } catch (SQLException | RuntimeException e) {
      report("failed: " + e.getMessage());
      throw e;
    }
  }

  private boolean step() throws SQLException {
    if (!started) {
      started = true;
      context.http().beforeQuery(); // the auth plugin may refresh its token now
    }
    if (closed || (fetch >= 0 && emitted >= fetch)) {
      return false;
    }
    while (true) {
      if (control.cancelled()) {
        return false; // Avatica reports "Statement canceled" on the next call to next()
      }
      if (chain != null) {
        Item item = nextItem();
        long atSource = chain.rowsSkippedAtSource();
        if (atSource > chainSkipCounted) {
          skipped += atSource - chainSkipCounted;
          chainSkipCounted = atSource;
        }
        if (item != null) {
          if (skipped < plan.spec.offset()) {
            skipped++;
            continue;
          }
          current = toRow(item);
          emitted++;
          stats.countRow();
          return true;
        }
        endChain();
      }
      if (!chains.hasNext()) {
        finish();
        return false;
      }
      chain = new RequestChain(plan, chains.next(), window(), speculationCap(), calls, false);
      chainSkipCounted = 0;
    }
  }

  /** The chain's next row; a failure caused by cancel or the query timeout is reported as that. */
  private Item nextItem() throws SQLException {
    try {
      return chain.next();
    } catch (Exchange.ExchangeTimeout e) {
      if (control.expiresWithin(250)) {
        throw new SQLTimeoutException("Query timed out (Statement.setQueryTimeout) while reading table '"
            + plan.tableName() + "'", "HYT00", e);
      }
      throw e;
    } catch (SQLException e) {
      if (control.cancelled()) {
        throw new SQLException("Statement canceled while reading table '" + plan.tableName() + "'", "HY008", e);
      }
      throw e;
    }
  }

  /**
   * What the next chain must deliver. With one chain the pager may skip the OFFSET at the API;
   * with several, the offset spans chains, so each is only told how many rows could matter.
   */
  private ScanWindow window() {
    long remaining = fetch < 0 ? -1 : fetch - emitted;
    if (singleChain) {
      return new ScanWindow(plan.spec.offset() - skipped, remaining);
    }
    return new ScanWindow(0, remaining < 0 ? -1 : remaining + Math.max(0, plan.spec.offset() - skipped));
  }

  /**
   * How many rows of the next chain may be fetched ahead of demand: {@code setMaxRows} is not a
   * limit of the scan (a filter may sit above it), but the scan never fetches ahead past it.
   */
  private long speculationCap() {
    long maxRows = control.maxRows();
    if (maxRows < 0) {
      return -1;
    }
    return Math.max(0, maxRows - emitted) + Math.max(0, plan.spec.offset() - skipped);
  }

  private void endChain() {
    chainItems += chain.run().itemsReceived();
    chainRows += chain.run().rowsPushed();
    chain.close();
    chain = null;
  }

  /**
   * The output row of an item. An item read straight from a response row and untouched by the
   * script has its values by position, already converted on the fetch thread; any other item's
   * values are looked up by name and converted here.
   */
  private Object[] toRow(Item item) {
    int n = plan.outputFields.size();
    Object[] row = new Object[n];
    RowValues values = item.values() instanceof RowValues v && !item.hasOwnAttributes() ? v : null;
    Object[] converted = values != null ? values.converted() : null;
    Object[] raw = values != null ? values.row() : null;
    for (int i = 0; i < n; i++) {
      TableField field = plan.outputFields.get(i);
      if (plan.inputIndex[i] >= 0) {
        row[i] = chain.inputValue(plan.inputIndex[i]);
      } else if (converted != null) {
        Object value = converted[plan.extractIndex[i]];
        if (value instanceof RowConverter.Failed failed) {
          conversionFailed(field, failed.message());
        } else {
          row[i] = value;
        }
      } else {
        Object value = raw != null ? raw[plan.extractIndex[i]] : item.raw(field.name());
        row[i] = convert(value, field);
      }
    }
    return row;
  }

  private Object convert(Object value, TableField field) {
    if (value == null) {
      return null;
    }
    try {
      return ValueConverter.toInternal(value, field.type(), field.decimalDigits());
    } catch (ConversionException e) {
      conversionFailed(field, e.getMessage());
      return null;
    }
  }

  /** NULL, never a failed query, for one odd value (DESIGN 7); counted for the warning. */
  private void conversionFailed(TableField field, String message) {
    conversionFailures++;
    if (conversionExample == null) {
      conversionExample = field.name() + ": " + message;
    }
  }

  private void report(String outcome) {
    if (!reported) {
      reported = true;
      context.scanLog().record(stats, outcome);
    }
  }

  private void finish() {
    report("complete");
    if (chainItems > 0 && chainRows == 0) {
      warn("the script's calls returned " + chainItems + " item(s) but it pushed no row (no api:push was "
          + "reached), so the table is empty");
    }
    for (CallStatement call : plan.shape.unusedOutputs()) {
      warn("the call " + call.operation() + " at " + call.location() + " outputs items that nothing uses "
          + "(its body is empty and its out item is never referenced)");
    }
    if (conversionFailures > 0) {
      ScanWarnings.add(control.statementFlag(), plan.tableName(), conversionFailures, conversionExample);
      LOG.warn("Table '{}': {} value(s) could not be converted to their column type and were returned as NULL",
          plan.tableName(), conversionFailures);
      conversionFailures = 0;
    }
  }

  /** A statement warning and a Verbosity 1 log line: nothing a script does is dropped silently. */
  private void warn(String message) {
    String text = "Table '" + plan.tableName() + "': " + message;
    ScanWarnings.add(control.statementFlag(), text);
    LOG.warn(text);
    context.http().log().log(1, text);
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("an API scan cannot be rewound");
  }

  @Override
  public void close() {
    report(fetch >= 0 && emitted >= fetch ? "complete" : "closed");
    closed = true;
    if (chain != null) {
      chain.close();
    }
    calls.close();
  }
}
