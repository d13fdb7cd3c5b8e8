package dev.apiquery.paging;

import dev.apiquery.json.Page;
import okhttp3.Headers;

/**
 * A page as a paging strategy sees it: the extracted rows and document values, and the
 * response headers ({@code Link}, token headers).
 */
public record PageResult(Page page, Headers headers) {
  public int rowCount() {
    return page.rows().size();
  }
}
