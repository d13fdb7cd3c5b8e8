package dev.apiquery.sql;

import dev.apiquery.scan.ScanCounts;
import dev.apiquery.scan.ScanRecorder;
import dev.apiquery.scan.ScanStats;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last scans of one connection, newest last, as the table {@code apiquery.scans}:
 * {@code SELECT * FROM apiquery.scans ORDER BY scan_id DESC LIMIT 1} tells what the previous
 * query cost. Each finished scan is also logged at INFO. {@link #counts} adds up every scan of
 * the connection so far, the running ones included: what an export's progress line shows.
 */
public final class ScanLog extends AbstractTable implements ScannableTable, ScanRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(ScanLog.class);
  private static final int KEPT = 100;

  private final Deque<Object[]> rows = new ArrayDeque<>();
  private final dev.apiquery.log.ConnectionLog connectionLog;

  public ScanLog(dev.apiquery.log.ConnectionLog connectionLog) {
    this.connectionLog = connectionLog;
  }
  private long nextId = 1;
  private final Set<ScanStats> running = new LinkedHashSet<>();
  private long finishedRequests;
  private long finishedPages;

  @Override
  public synchronized void started(ScanStats stats) {
    running.add(stats);
  }

  /** Requests and pages of every scan of this connection so far, the running ones included. */
  public synchronized ScanCounts counts() {
    long requests = finishedRequests;
    long pages = finishedPages;
    for (ScanStats stats : running) {
      requests += stats.requests();
      pages += stats.pages();
    }
    return new ScanCounts(requests, pages);
  }

  @Override
  public synchronized void record(ScanStats stats, String outcome) {
    running.remove(stats);
    finishedRequests += stats.requests();
    finishedPages += stats.pages();
    rows.addLast(stats.toRow(nextId++, outcome));
    while (rows.size() > KEPT) {
      rows.removeFirst();
    }
    LOG.info("{} ({})", stats, outcome);
    if (connectionLog.wants(1)) {
      connectionLog.log(1, stats + " (" + outcome + ")");
    }
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("scan_id", SqlTypeName.BIGINT)
        .add("table_name", SqlTypeName.VARCHAR)
        .add("started_at", SqlTypeName.TIMESTAMP, 3)
        .add("requests", SqlTypeName.BIGINT)
        .add("pages", SqlTypeName.BIGINT)
        .add("rows_returned", SqlTypeName.BIGINT)
        .add("bytes", SqlTypeName.BIGINT)
        .add("retries", SqlTypeName.BIGINT)
        .add("elapsed_ms", SqlTypeName.BIGINT)
        .add("outcome", SqlTypeName.VARCHAR)
        .build();
  }

  @Override
  public synchronized Enumerable<Object[]> scan(DataContext root) {
    List<Object[]> copy = new ArrayList<>(rows);
    return Linq4j.asEnumerable(copy);
  }
}
