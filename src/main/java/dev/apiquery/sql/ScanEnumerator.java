package dev.apiquery.sql;

import dev.apiquery.errors.ScanErrors;
import dev.apiquery.http.Exchange;
import dev.apiquery.paging.ScanWindow;
import dev.apiquery.profile.script.CallStatement;
import dev.apiquery.profile.script.Item;
import dev.apiquery.scan.ConnectionContext;
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
  private Object[] current;
  private long skipped;
  private long emitted;
  /** Items the finished chains' calls returned, and rows they pushed: a script may push none. */
  private long chainItems;
  private long chainRows;
  private volatile boolean closed;
  private final ScanCalls calls;
  private final ItemRows rows;
  /** Several chains that are all read to their end run at once; null when they run one by one. */
  private final ConcurrentChains<RequestChain> concurrent;

  ScanEnumerator(ScanPlan plan, ConnectionContext context, QueryControl control) {
    this.plan = plan;
    this.context = context;
    this.control = control;
    List<ChainInputs> all = ChainInputs.expand(plan.spec);
    this.singleChain = all.size() == 1;
    this.chains = all.iterator();
    this.fetch = plan.spec.fetch();
    this.stats = new ScanStats(plan.tableName());
    this.rows = new ItemRows(plan);
    this.calls = new ScanCalls(plan.tableName(), stats, context.timeoutMillis(),
        () -> closed || control.cancelled(), control::remainingMillis);
    int width = context.maxConcurrentRequests();
    boolean readToEnd = fetch < 0 && plan.spec.offset() == 0 && control.maxRows() < 0 && plan.spec.rowRange().isAll();
    this.concurrent = all.size() > 1 && width > 1 && readToEnd
        ? new ConcurrentChains<>(chains, width, chainReader(), control::cancelled)
        : null;
  }

  /**
   * How a worker of {@link ConcurrentChains} reads a chain. Each chain then fetches one page at a
   * time (and the next one ahead), so that the chains together keep at most
   * MaxConcurrentRequests requests in flight.
   */
  private ConcurrentChains.ChainReader<RequestChain> chainReader() {
    ScanPlan onePageAtATime = new ScanPlan(plan.table, plan.spec, context.withMaxConcurrentRequests(1));
    return new ConcurrentChains.ChainReader<>() {
      @Override
      public RequestChain open(ChainInputs inputs) throws SQLException {
        return new RequestChain(onePageAtATime, inputs, new ScanWindow(0, -1), -1, calls, false);
      }

      @Override
      public Object[] next(RequestChain chain) throws SQLException {
        while (true) {
          Item item = nextItem(chain);
          if (item == null) {
            return null;
          }
          chain.positions().advance(chain.rowsSkippedAtSource()); // every row of the chain is in range
          if (rows.belongs(item, chain)) {
            return rows.of(item, chain);
          }
        }
      }

      @Override
      public void ended(RequestChain chain) {
        countChain(chain);
      }

      @Override
      public void close(RequestChain chain) {
        chain.close();
      }
    };
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
      context.scanLog().started(stats); // its counts are live from now on (export progress)
      context.http().beforeQuery(); // the auth plugin may refresh its token now
    }
    if (closed || (fetch >= 0 && emitted >= fetch)) {
      return false;
    }
    if (concurrent != null) {
      return concurrentStep();
    }
    while (true) {
      if (control.cancelled()) {
        return false; // Avatica reports "Statement canceled" on the next call to next()
      }
      if (chain != null) {
        ChainPositions positions = chain.positions();
        Item item = positions.more(chain.rowsSkippedAtSource()) ? nextItem(chain) : null;
        if (item != null) {
          if (!positions.advance(chain.rowsSkippedAtSource())) {
            continue; // before the _row range, where the API could not start
          }
          skipped += positions.skippedBefore();
          if (!rows.belongs(item, chain)) {
            continue; // another chain's row
          }
          if (skipped < plan.spec.offset()) {
            skipped++;
            continue;
          }
          current = rows.of(item, chain);
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
      ChainInputs inputs = chains.next();
      ScanWindow window = window();
      if (window.fetch() == 0) {
        continue; // the _row range holds no row the query still needs: no request
      }
      chain = new RequestChain(plan, inputs, window, speculationCap(), calls, false);
    }
  }

  private boolean concurrentStep() throws SQLException {
    Object[] row = concurrent.next();
    if (row == null) {
      if (!control.cancelled()) {
        finish();
      }
      return false;
    }
    current = row;
    emitted++;
    stats.countRow();
    return true;
  }

  /** The chain's next row; a failure caused by cancel or the query timeout is reported as that. */
  private Item nextItem(RequestChain chain) throws SQLException {
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

  /** What the next chain must deliver (see {@link ChainPositions#window}). */
  private ScanWindow window() {
    return ChainPositions.window(plan.spec.rowRange(), singleChain, Math.max(0, plan.spec.offset() - skipped),
        fetch < 0 ? -1 : fetch - emitted);
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
    return Math.max(0, maxRows - emitted) + Math.max(0, plan.spec.offset() - skipped) + plan.spec.rowRange().from();
  }

  private void endChain() {
    countChain(chain);
    chain.close();
    chain = null;
  }

  private synchronized void countChain(RequestChain ended) {
    chainItems += ended.run().itemsReceived();
    chainRows += ended.run().rowsPushed();
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
    long conversionFailures = rows.takeFailures();
    if (conversionFailures > 0) {
      ScanWarnings.add(control.statementFlag(), plan.tableName(), conversionFailures, rows.failureExample());
      LOG.warn("Table '{}': {} value(s) could not be converted to their column type and were returned as NULL",
          plan.tableName(), conversionFailures);
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
    if (concurrent != null) {
      concurrent.close();
    }
    calls.close();
  }
}
