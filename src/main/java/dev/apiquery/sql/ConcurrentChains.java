package dev.apiquery.sql;

import dev.apiquery.errors.ScanErrors;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The request chains of a scan with several of them (an IN list, a lookup join's batch of outer
 * keys), run up to {@code width} at a time on worker threads, their rows handed out in chain order
 * as the sequential scan would. Each chain buffers at most {@link #BUFFERED_ROWS} rows ahead of
 * the reader, so memory stays bounded. Only used when every chain is read to its end (no LIMIT,
 * OFFSET or setMaxRows), so running chains early never sends a request the query would not.
 */
final class ConcurrentChains<C> {
  /** Rows a chain ahead of the reader may hold before its worker waits. */
  static final int BUFFERED_ROWS = 1000;
  private static final long POLL_MILLIS = 50;
  private static final Object END = new Object();

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "apiquery-chain");
    t.setDaemon(true);
    return t;
  });

  /** Opens, reads, ends and closes one chain of type {@code C} on a worker thread. */
  interface ChainReader<C> {
    C open(ChainInputs inputs) throws SQLException;

    /** The chain's next row, converted, or null at its end. */
    Object[] next(C chain) throws SQLException;

    /** The chain was read to its end. */
    void ended(C chain);

    /** Releases the chain, read to its end or not. */
    void close(C chain);
  }

  private final Iterator<ChainInputs> pending;
  private final int width;
  private final ChainReader<C> reader;
  private final BooleanSupplier cancelled;
  private final Deque<Running> running = new ArrayDeque<>();

  ConcurrentChains(Iterator<ChainInputs> pending, int width, ChainReader<C> reader, BooleanSupplier cancelled) {
    this.pending = pending;
    this.width = width;
    this.reader = reader;
    this.cancelled = cancelled;
  }

  /** The next row of the scan, or null at the end or once the statement is cancelled. */
  Object[] next() throws SQLException {
    while (true) {
      while (running.size() < width && pending.hasNext()) {
        Running chain = new Running(pending.next());
        running.add(chain);
        WORKERS.execute(chain);
      }
      Running head = running.peek();
      if (head == null) {
        return null;
      }
      Object item = head.take();
      if (item == null) {
        return null; // cancelled
      }
      if (item == END) {
        running.poll();
        continue;
      }
      if (item instanceof Throwable failure) {
        close();
        if (failure instanceof SQLException e) {
          throw e;
        }
        throw ScanErrors.sneakyThrow(failure);
      }
      return (Object[]) item;
    }
  }

  /** Stops every chain still running; their calls are aborted by the scan's call tracker. */
  void close() {
    for (Running chain : running) {
      chain.stopped = true;
    }
    running.clear();
  }

  private final class Running implements Runnable {
    private final ChainInputs inputs;
    private final BlockingQueue<Object> rows = new LinkedBlockingQueue<>(BUFFERED_ROWS);
    private volatile boolean stopped;

    Running(ChainInputs inputs) {
      this.inputs = inputs;
    }

    @Override
    public void run() {
      C chain = null;
      try {
        chain = reader.open(inputs);
        Object[] row;
        while (!stopped && (row = reader.next(chain)) != null) {
          put(row);
        }
        reader.ended(chain);
      } catch (SQLException | RuntimeException e) {
        put(e);
      } finally {
        if (chain != null) {
          reader.close(chain);
        }
        put(END);
      }
    }

    private void put(Object item) {
      try {
        while (!stopped && !rows.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          // the reader is behind: wait for room, unless the scan was closed meanwhile
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }

    /** The next row, END or a failure; null once the statement is cancelled. */
    Object take() throws SQLException {
      try {
        while (true) {
          Object item = rows.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
          if (item != null) {
            return item;
          }
          if (cancelled.getAsBoolean()) {
            close();
            return null;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new SQLException("Interrupted while waiting for rows", "HY008", e);
      }
    }
  }
}
