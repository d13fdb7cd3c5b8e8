package dev.apiquery.paging;

import dev.apiquery.http.ApiRequest;
import okhttp3.HttpUrl;

/**
 * Page-based paging ({@code pagenumberparam=name;start}, start 1 by default). An {@code OFFSET} of
 * the query starts at the page that holds that row when the page size is known. Ends on an empty
 * or short page.
 */
final class PageNumberPager implements Pager {
  private final PagingConfig config;
  private long skippedAtSource;

  PageNumberPager(PagingConfig config) {
    this.config = config;
  }

  @Override
  public String strategy() {
    return "page number";
  }

  @Override
  public ApiRequest first(ApiRequest scripted, ScanWindow window) {
    long firstPage = config.numberStart();
    int size = config.pageSize();
    if (size > 0 && window.offset() >= size) {
      long pagesSkipped = window.offset() / size;
      firstPage += pagesSkipped;
      skippedAtSource = pagesSkipped * size;
    }
    // Only a window that starts on the first page may shrink the page: page arithmetic needs
    // every page to have the profile's size.
    int asked = window.offset() == 0 ? SizeParameters.firstSize(config, window, true) : size;
    HttpUrl url = at(scripted.url(), firstPage);
    return scripted.withUrl(SizeParameters.withSize(url, config, asked));
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
    long number = Long.parseLong(current.url().queryParameter(config.numberParam()));
    HttpUrl url = at(current.url(), number + 1);
    return current.withUrl(SizeParameters.withSize(url, config, config.pageSize()));
  }

  @Override
  public ApiRequest predictNext(ApiRequest current) {
    long number = Long.parseLong(current.url().queryParameter(config.numberParam()));
    HttpUrl url = at(current.url(), number + 1);
    return current.withUrl(SizeParameters.withSize(url, config, config.pageSize()));
  }

  private HttpUrl at(HttpUrl url, long page) {
    return url.newBuilder().setQueryParameter(config.numberParam(), Long.toString(page)).build();
  }
}
