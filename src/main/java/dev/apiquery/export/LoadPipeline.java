package dev.apiquery.export;

import java.io.IOException;
import java.sql.ResultSet;
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
 * writes; with it, about the slower of the two. The reading thread only calls the getters
 * ({@link RowReader#read}); turning their values into the sinks' plain values is the writer's.
 * A chunk is one flat array of values, handed back to the reader once written, so a row costs no
 * allocation of its own.
 */
final class LoadPipeline {
  private static final int CHUNK = 512;
  private static final int CHUNKS_IN_FLIGHT = 16;
  private static final Chunk END = new Chunk(new Object[0], 0);
  private static final Chunk ABORT = new Chunk(new Object[0], 0);

  /** {@code rows} rows of values, one after the other. */
  private record Chunk(Object[] values, int rows) {}

  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
  /** Written chunks' arrays, for the reader to fill again. */
  private final BlockingQueue<Object[]> free = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT + 2);
  private final RowReader reader;
  private final int width;
  private final FutureTask<Void> writer;
  private Object[] values;
  private int filled;

  LoadPipeline(Target target, List<Column> columns, RowReader reader, int batchSize) {
    this.reader = reader;
    this.width = reader.width();
    this.values = new Object[CHUNK * width];
    writer = new FutureTask<>(() -> {
      write(target, columns, batchSize);
      return null;
    });
    Thread thread = new Thread(writer, "apiquery-export-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Reads the current row of {@code rows} for the writer; throws the writer's failure once it has failed. */
  void add(ResultSet rows) throws SQLException, IOException {
    reader.read(rows, values, filled * width);
    if (++filled == CHUNK) {
      hand(new Chunk(values, filled));
      Object[] recycled = free.poll();
      values = recycled != null ? recycled : new Object[CHUNK * width];
      filled = 0;
    }
  }

  /** No more rows: waits for the writer to write and commit them. */
  void finish() throws SQLException, IOException {
    if (filled > 0) {
      hand(new Chunk(values, filled));
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

  private void hand(Chunk rows) throws SQLException, IOException {
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
      Object[] row = new Object[width];
      int inBatch = 0;
      for (Chunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
        if (chunk == ABORT) {
          target.abort();
          return;
        }
        Object[] written = chunk.values();
        for (int r = 0; r < chunk.rows(); r++) {
          reader.settle(written, r * width, row);
          sink.write(row);
          if (++inBatch == batchSize) {
            sink.flush();
            inBatch = 0;
          }
        }
        free.offer(written);
      }
      target.commit();
    } catch (Exception | Error e) {
      target.abort();
      throw e;
    }
  }
}
