package dev.apiquery.paging;

import dev.apiquery.http.ApiRequest;
import okhttp3.HttpUrl;

/**
 * Offset-based paging ({@code pageoffsetparam=name;start}): each request asks for the rows after
 * the ones already read. An {@code OFFSET} of the query becomes the first request's offset, so
 * skipped rows are never fetched. Ends on an empty or short page.
 */
final class OffsetPager implements Pager {
  private final PagingConfig config;
  private long skippedAtSource;

  OffsetPager(PagingConfig config) {
    this.config = config;
  }

  @Override
  public String strategy() {
    return "offset";
  }

  @Override
  public ApiRequest first(ApiRequest scripted, ScanWindow window) {
    skippedAtSource = window.offset();
    int size = SizeParameters.firstSize(config, new ScanWindow(0, window.fetch()), true);
    HttpUrl url = at(scripted.url(), config.offsetStart() + window.offset());
    return scripted.withUrl(SizeParameters.withSize(url, config, size));
  }

  @Override
  public long rowsSkippedAtSource() {
    return skippedAtSource;
  }

  @Override
  public ApiRequest next(ApiRequest current, PageResult page) {
    if (SizeParameters.isLastPage(current, page, config)) {
      return null;
    }
    long offset = Long.parseLong(current.url().queryParameter(config.offsetParam()));
    return current.withUrl(at(current.url(), offset + page.rowCount()));
  }

  @Override
  public ApiRequest predictNext(ApiRequest current) {
    int asked = SizeParameters.askedSize(current.url(), config);
    if (asked <= 0) {
      return null;
    }
    long offset = Long.parseLong(current.url().queryParameter(config.offsetParam()));
    return current.withUrl(at(current.url(), offset + asked));
  }

  private HttpUrl at(HttpUrl url, long offset) {
    return url.newBuilder().setQueryParameter(config.offsetParam(), Long.toString(offset)).build();
  }
}
