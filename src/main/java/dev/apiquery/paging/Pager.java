package dev.apiquery.paging;

import dev.apiquery.http.ApiRequest;
import java.util.List;

/**
 * A paging strategy: how a request chain's first request is shaped and which request follows a
 * page. One instance serves one chain and keeps that chain's state (seen URLs and tokens, the
 * current offset or page number).
 */
public interface Pager {
  /** The strategy's name, for EXPLAIN: {@code offset}, {@code page number}, {@code cursor}... */
  String strategy();

  /** Document-level values the strategy reads from each body ({@code /json/next}). */
  default List<String> documentPaths() {
    return List.of();
  }

  /** Row paths whose values in a page's last row the strategy reads ({@code pagetokenfromrow}). */
  default List<String> rowPaths() {
    return List.of();
  }

  /**
   * The first request of the chain.
   *
   * @param scripted the request the profile's script built
   * @param window the rows the scan needs, so the pager can ask for less or start later
   */
  ApiRequest first(ApiRequest scripted, ScanWindow window);

  /**
   * Rows of {@code window.offset()} that the first request already skipped at the API (it started
   * at a later offset or page); the scan skips only the rest itself.
   */
  default long rowsSkippedAtSource() {
    return 0;
  }

  /**
   * The request that will follow {@code current} if its page turns out full, known before the
   * page arrives; null when the strategy cannot know (next URLs, cursors). Offset and page-number
   * strategies answer it, which lets a scan fetch several pages at once.
   */
  default ApiRequest predictNext(ApiRequest current) {
    return null;
  }

  /**
   * The request for the next page, or null when the chain ends.
   *
   * @param current the request that produced the page
   * @param page what the page held
   */
  ApiRequest next(ApiRequest current, PageResult page);
}
