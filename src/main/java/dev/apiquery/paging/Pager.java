package dev.apiquery.paging;

import dev.apiquery.http.ApiRequest;
import java.util.List;

/**
 * A paging strategy: how a request chain's first request is shaped and which request follows a
 * page. One instance serves one chain and may keep state (seen tokens, page number).
 */
public interface Pager {
  /** Document-level values the strategy reads from each body ({@code /json/next}). */
  default List<String> documentPaths() {
    return List.of();
  }

  /** The first request of the chain, given the request the script built. */
  ApiRequest first(ApiRequest scripted);

  /**
   * The request for the next page, or null when the chain ends.
   *
   * @param current the request that produced the page
   * @param page what the page held
   */
  ApiRequest next(ApiRequest current, PageResult page);
}
