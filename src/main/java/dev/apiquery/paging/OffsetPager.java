package dev.apiquery.paging;

import dev.apiquery.http.ApiRequest;
import okhttp3.HttpUrl;

/**
 * Offset-based paging ({@code pageoffsetparam=name;start}): each request asks for the rows after
 * the ones already read. An {@code OFFSET} of the query becomes the first request's offset, so
 * skipped rows are never fetched. Ends on an empty or short page, or where the window ends (a
 * LIMIT or {@code _row} range): no request starts past it, and the last asks only for the rows left.
 */
final class OffsetPager implements Pager {
  private final PagingConfig config;
  private long skippedAtSource;
  /** The API offset just past the window's last row, or -1: no request starts there or later. */
  private long end = -1;

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
    end = window.fetch() < 0 ? -1 : config.offsetStart() + window.offset() + window.fetch();
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
    return following(current, offset + page.rowCount());
  }

  @Override
  public ApiRequest predictNext(ApiRequest current) {
    int asked = SizeParameters.askedSize(current.url(), config);
    if (asked <= 0) {
      return null;
    }
    long offset = Long.parseLong(current.url().queryParameter(config.offsetParam()));
    return following(current, offset + asked);
  }

  /**
   * The request at {@code offset}: none at or past the window's end, and one that ends there asks
   * only for the rows left (a {@code _row} range or LIMIT that ends inside a page).
   */
  private ApiRequest following(ApiRequest current, long offset) {
    if (end >= 0 && offset >= end) {
      return null;
    }
    HttpUrl url = at(current.url(), offset);
    int asked = SizeParameters.askedSize(current.url(), config);
    if (end >= 0 && asked > 0 && end - offset < asked) {
      url = SizeParameters.withSize(url, config, (int) (end - offset));
    }
    return current.withUrl(url);
  }

  private HttpUrl at(HttpUrl url, long offset) {
    return url.newBuilder().setQueryParameter(config.offsetParam(), Long.toString(offset)).build();
  }
}
