package dev.apiquery.paging;

import dev.apiquery.http.ApiRequest;
import okhttp3.HttpUrl;

/**
 * {@code pagesizeparam}/{@code pagesize}: the page size a request asks for. A first page may ask
 * for fewer rows when the query needs fewer ({@code LIMIT 5} asks for 5).
 */
final class SizeParameters {
  private SizeParameters() {}

  /** The size to ask for: the profile's, or fewer when the window needs fewer; -1 when unknown. */
  static int firstSize(PagingConfig config, ScanWindow window, boolean mayShrink) {
    int size = config.pageSize();
    long needed = window.rowsNeeded();
    if (mayShrink && config.sizeParam() != null && needed >= 0 && (size < 0 || needed < size)) {
      return (int) Math.max(1, needed);
    }
    return size;
  }

  /** The URL with {@code pagesizeparam=size}, replacing any value the profile put there. */
  static HttpUrl withSize(HttpUrl url, PagingConfig config, int size) {
    if (config.sizeParam() == null || size <= 0) {
      return url;
    }
    return url.newBuilder().setQueryParameter(config.sizeParam(), Integer.toString(size)).build();
  }

  /** The first request: the scripted one, asking for fewer rows when the window needs fewer. */
  static ApiRequest shrunkFirst(ApiRequest scripted, PagingConfig config, ScanWindow window) {
    return scripted.withUrl(withSize(scripted.url(), config, firstSize(config, window, true)));
  }

  /** Offset and page-number paging end on an empty page, or one shorter than it asked for. */
  static boolean isLastPage(ApiRequest current, PageResult page, PagingConfig config) {
    int asked = askedSize(current.url(), config);
    return page.rowCount() == 0 || (asked > 0 && page.rowCount() < asked);
  }

  /** The size a request asked for, read back from its URL; -1 when it did not say. */
  static int askedSize(HttpUrl url, PagingConfig config) {
    if (config.sizeParam() != null) {
      String value = url.queryParameter(config.sizeParam());
      if (value != null) {
        try {
          return Integer.parseInt(value);
        } catch (NumberFormatException e) {
          return config.pageSize();
        }
      }
    }
    return config.pageSize();
  }
}
