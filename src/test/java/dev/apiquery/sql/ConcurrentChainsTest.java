package dev.apiquery.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The concurrent runner of a scan's chains: order, width, failures and closing. */
class ConcurrentChainsTest {

  /** A chain named by its value that yields {@code rows} rows {@code [value, i]}. */
  private static final class Chain {
    final String value;
    int next;

    Chain(String value) {
      this.value = value;
    }
  }

  private abstract static class Reader implements ConcurrentChains.ChainReader<Chain> {
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger mostOpen = new AtomicInteger();
    final List<String> closed = new ArrayList<>();

    @Override
    public Chain open(ChainInputs inputs) {
      mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      return new Chain(inputs.pushed().get(0));
    }

    @Override
    public void ended(Chain chain) {}

    @Override
    public synchronized void close(Chain chain) {
      open.decrementAndGet();
      closed.add(chain.value);
    }
  }

  private static List<ChainInputs> chains(String... values) {
    List<ChainInputs> all = new ArrayList<>();
    for (String v : values) {
      all.add(new ChainInputs(Map.of(0, v)));
    }
    return all;
  }

  /** Waits as a chain waits for a response; fails the chain after 30 s. */
  private static void await(CountDownLatch latch) throws SQLException {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new SQLException("no answer within 30 s");
      }
    } catch (InterruptedException e) {
      throw new SQLException(e);
    }
  }

  private static List<Object[]> drain(ConcurrentChains<Chain> chains) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (Object[] row = chains.next(); row != null; row = chains.next()) {
      rows.add(row);
    }
    return rows;
  }

  @Test
  void rowsComeInChainOrderWhileLaterChainsRunAtTheSameTime() throws Exception {
    CountDownLatch lastEnded = new CountDownLatch(1);
    Reader reader = new Reader() {
      @Override
      public Object[] next(Chain chain) throws SQLException {
        if (chain.value.equals("a") && chain.next == 0) {
          // The first chain waits for the third one to finish: only possible if they run at once.
          await(lastEnded);
        }
        return chain.next < 2 ? new Object[] {chain.value, chain.next++} : null;
      }

      @Override
      public void ended(Chain chain) {
        if (chain.value.equals("c")) {
          lastEnded.countDown();
        }
      }
    };
    List<Object[]> rows = drain(new ConcurrentChains<>(chains("a", "b", "c").iterator(), 3, reader, () -> false));
    List<String> seen = new ArrayList<>();
    rows.forEach(r -> seen.add(r[0] + "" + r[1]));
    assertEquals(List.of("a0", "a1", "b0", "b1", "c0", "c1"), seen);
  }

  @Test
  void noMoreThanWidthChainsAreOpenAtOnce() throws Exception {
    Reader reader = new Reader() {
      @Override
      public Object[] next(Chain chain) {
        return chain.next < 3 ? new Object[] {chain.value, chain.next++} : null;
      }
    };
    List<Object[]> rows =
        drain(new ConcurrentChains<>(chains("a", "b", "c", "d", "e").iterator(), 2, reader, () -> false));
    assertEquals(15, rows.size());
    assertTrue(reader.mostOpen.get() <= 2, "open at once: " + reader.mostOpen.get());
    assertEquals(5, reader.closed.size());
  }

  @Test
  void aFailingChainFailsTheScanAfterTheRowsBeforeIt() throws Exception {
    Reader reader = new Reader() {
      @Override
      public Object[] next(Chain chain) throws SQLException {
        if (chain.value.equals("b")) {
          throw new SQLException("Table 'T': HTTP 500", "HY000");
        }
        return chain.next < 1 ? new Object[] {chain.value, chain.next++} : null;
      }
    };
    ConcurrentChains<Chain> chains = new ConcurrentChains<>(chains("a", "b", "c").iterator(), 3, reader, () -> false);
    assertArrayEquals(new Object[] {"a", 0}, chains.next());
    SQLException e = assertThrows(SQLException.class, chains::next);
    assertEquals("Table 'T': HTTP 500", e.getMessage());
  }

  @Test
  void closingStopsAChainThatIsStillProducing() throws Exception {
    CountDownLatch released = new CountDownLatch(1);
    Reader reader = new Reader() {
      @Override
      public Object[] next(Chain chain) {
        return new Object[] {chain.value, chain.next++}; // endless
      }

      @Override
      public synchronized void close(Chain chain) {
        super.close(chain);
        released.countDown();
      }
    };
    ConcurrentChains<Chain> chains = new ConcurrentChains<>(chains("a").iterator(), 2, reader, () -> false);
    assertArrayEquals(new Object[] {"a", 0}, chains.next());
    chains.close();
    assertTrue(released.await(30, TimeUnit.SECONDS), "the worker kept running after close");
  }

  @Test
  void aCancelledStatementEndsTheRows() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    Reader reader = new Reader() {
      @Override
      public Object[] next(Chain chain) throws SQLException {
        await(answer); // a request that does not answer until the test ends
        return null;
      }
    };
    try {
      assertNull(new ConcurrentChains<>(chains("a", "b").iterator(), 2, reader, () -> true).next());
    } finally {
      answer.countDown();
    }
  }
}
