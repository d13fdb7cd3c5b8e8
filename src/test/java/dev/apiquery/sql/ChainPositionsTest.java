package dev.apiquery.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.paging.ScanWindow;
import org.junit.jupiter.api.Test;

/** The windows a chain is given for a {@code _row} range, and the positions it counts. */
class ChainPositionsTest {

  @Test
  void oneChainSkipsTheRangeStartAndTheOffsetAtTheApi() {
    RowRange range = new RowRange(12500, 25000);
    assertEquals(new ScanWindow(12500, 12500), ChainPositions.window(range, true, 0, -1));
    // OFFSET 3 LIMIT 5 within the range.
    assertEquals(new ScanWindow(12503, 5), ChainPositions.window(range, true, 3, 5));
    // An OFFSET past the range leaves nothing to fetch.
    assertEquals(0, ChainPositions.window(range, true, 20000, -1).fetch());
    assertEquals(new ScanWindow(37500, -1), ChainPositions.window(new RowRange(37500, -1), true, 0, -1));
    assertEquals(new ScanWindow(0, -1), ChainPositions.window(RowRange.ALL, true, 0, -1));
  }

  @Test
  void severalChainsEachStartAtTheRangeAndGetTheRowsThatCouldMatter() {
    RowRange range = new RowRange(10, 20);
    assertEquals(new ScanWindow(10, 10), ChainPositions.window(range, false, 0, -1));
    // The OFFSET spans chains: each may need offset + fetch rows, never more than the range.
    assertEquals(new ScanWindow(10, 7), ChainPositions.window(range, false, 4, 3));
    assertEquals(new ScanWindow(0, 7), ChainPositions.window(RowRange.ALL, false, 4, 3));
  }

  @Test
  void positionsCountTheRowsTheApiSkippedAndStopAtTheRangeEnd() {
    ChainPositions positions = new ChainPositions(new RowRange(25, 28));
    // Page numbers of 10: the API started at row 20, so rows 20-24 are read and dropped here.
    for (int row = 20; row < 25; row++) {
      assertTrue(positions.more(20));
      assertFalse(positions.advance(20));
    }
    for (int row = 25; row < 28; row++) {
      assertTrue(positions.more(20));
      assertTrue(positions.advance(20));
      assertEquals(row, positions.position());
      assertEquals(0, positions.skippedBefore());
    }
    assertFalse(positions.more(20), "no row is pulled past the range");
  }

  @Test
  void rowsOfTheRangeTheApiSkippedCountTowardTheOffset() {
    ChainPositions positions = new ChainPositions(new RowRange(100, -1));
    // Offset paging started at row 103 for OFFSET 3: the first row returned is row 103.
    assertTrue(positions.advance(103));
    assertEquals(103, positions.position());
    assertEquals(3, positions.skippedBefore());
    assertTrue(positions.advance(103));
    assertEquals(0, positions.skippedBefore());
  }

  @Test
  void rangesIntersect() {
    assertEquals(new RowRange(20, 30), new RowRange(0, 30).intersect(new RowRange(20, -1)));
    assertTrue(new RowRange(30, 30).isEmpty());
    assertTrue(new RowRange(40, 30).isEmpty());
    assertEquals("[20..)", new RowRange(20, -1).toString());
  }
}
