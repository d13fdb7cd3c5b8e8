package dev.apiquery.sql;

import dev.apiquery.paging.ScanWindow;

/**
 * The {@code _row} values of one request chain and the spec's {@link RowRange} over them: the
 * one place where row positions are counted. A row's position is the rows the API skipped for
 * the chain (it started at a later offset or page) plus the rows the chain returned before it.
 */
final class ChainPositions {
  private final RowRange range;
  private long returned;
  private long position = -1;
  /** Rows of the range before the current one that are accounted for (skipped or returned). */
  private long rangeCounted;

  ChainPositions(RowRange range) {
    this.range = range;
  }

  /**
   * What a chain must deliver: the rows of the range, and within them what is left of the
   * query's OFFSET and LIMIT. With one chain the offset is this chain's, so the pager may skip it
   * at the API too; with several it spans chains, so each chain is only told how many rows
   * could matter.
   *
   * @param offsetLeft rows of the OFFSET still to skip
   * @param fetchLeft rows still to return, -1 for all
   */
  static ScanWindow window(RowRange range, boolean singleChain, long offsetLeft, long fetchLeft) {
    long size = range.size();
    if (singleChain) {
      long inRange = size < 0 ? -1 : Math.max(0, size - offsetLeft);
      return new ScanWindow(range.from() + offsetLeft, min(inRange, fetchLeft));
    }
    return new ScanWindow(range.from(), min(size, fetchLeft < 0 ? -1 : fetchLeft + offsetLeft));
  }

  /** The smaller of two counts where -1 means no limit. */
  private static long min(long a, long b) {
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }

  /**
   * Whether the chain may still hold a row of the range; once it may not, no further row is
   * pulled (pulling could fetch a page no row needs).
   */
  boolean more(long skippedAtSource) {
    return range.to() < 0 || skippedAtSource + returned < range.to();
  }

  /**
   * Counts a row the chain returned.
   *
   * @return whether it is in the range
   */
  boolean advance(long skippedAtSource) {
    position = skippedAtSource + returned++;
    return position >= range.from() && (range.to() < 0 || position < range.to());
  }

  /**
   * Rows of the range before the current one that the API skipped (they count toward the
   * OFFSET); call once per row in the range.
   */
  long skippedBefore() {
    long before = position - range.from();
    long gap = before - rangeCounted;
    rangeCounted = before + 1;
    return gap;
  }

  /** The current row's {@code _row} value. */
  long position() {
    return position;
  }
}
