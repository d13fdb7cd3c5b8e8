package dev.apiquery.export;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Reading the source and writing the target at the same time: the caller's thread reads rows and
 * hands them over in chunks; one writer thread owns the whole load of the target (begin, write,
 * commit, or abort), because DuckDB's appender may only be used by the thread that made it. A
 * bounded queue keeps memory to a few chunks. Without it an export costs the scan plus the
 * writes; with it, about the slower of the two.
 */
final class LoadPipeline {
  private static final int CHUNK = 512;
  private static final int CHUNKS_IN_FLIGHT = 16;
  private static final Object[][] END = new Object[0][];
  private static final Object[][] ABORT = new Object[0][];

  private final BlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
  private final FutureTask<Void> writer;
  private Object[][] chunk = new Object[CHUNK][];
  private int filled;

  LoadPipeline(Target target, List<Column> columns, int batchSize) {
    writer = new FutureTask<>(() -> {
      write(target, columns, batchSize);
      return null;
    });
    Thread thread = new Thread(writer, "apiquery-export-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Hands one row to the writer; throws the writer's failure once it has failed. */
  void add(Object[] row) throws SQLException, IOException {
    chunk[filled++] = row;
    if (filled == CHUNK) {
      hand(chunk);
      chunk = new Object[CHUNK][];
      filled = 0;
    }
  }

  /** No more rows: waits for the writer to write and commit them. */
  void finish() throws SQLException, IOException {
    if (filled > 0) {
      Object[][] last = new Object[filled][];
      System.arraycopy(chunk, 0, last, 0, filled);
      hand(last);
    }
    hand(END);
    await();
  }

  /** The source failed: the writer rolls the target back; waits until it has. */
  void abort() {
    queue.clear();
    try {
      if (!writer.isDone()) {
        queue.put(ABORT);
      }
      writer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the writer's own failure does not matter any more: the source's is reported
    }
  }

  private void hand(Object[][] rows) throws SQLException, IOException {
    try {
      while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
        if (writer.isDone()) {
          await();
        }
      }
      if (writer.isDone() && rows != END) {
        await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private void await() throws SQLException, IOException {
    try {
      writer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException s) {
        throw s;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** The writer thread: the whole load of the target. */
  private void write(Target target, List<Column> columns, int batchSize) throws Exception {
    try {
      RowSink sink = target.begin(columns);
      int inBatch = 0;
      for (Object[][] rows = queue.take(); rows != END; rows = queue.take()) {
        if (rows == ABORT) {
          target.abort();
          return;
        }
        for (Object[] row : rows) {
          sink.write(row);
          if (++inBatch == batchSize) {
            sink.flush();
            inBatch = 0;
          }
        }
      }
      target.commit();
    } catch (Exception | Error e) {
      target.abort();
      throw e;
    }
  }
}
