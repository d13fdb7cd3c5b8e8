package dev.apiquery.paging;

import dev.apiquery.http.ApiRequest;

/**
 * Link Header paging ({@code pageurlpath=header:Link}, GitHub, Shopify): follows the
 * {@code rel="next"} target of the RFC 8288 {@code Link} header. Ends on an empty page, when
 * there is no next link, or when the link repeats.
 */
final class LinkHeaderPager implements Pager {
  private final PagingConfig config;
  private final String headerName;
  private final SeenValues seen = new SeenValues();

  LinkHeaderPager(PagingConfig config) {
    this.config = config;
    this.headerName = PagingConfig.headerName(config.urlPath());
  }

  @Override
  public String strategy() {
    return "Link header";
  }

  @Override
  public ApiRequest first(ApiRequest scripted, ScanWindow window) {
    seen.firstTime(scripted.url().toString());
    return SizeParameters.shrunkFirst(scripted, config, window);
  }

  @Override
  public ApiRequest next(ApiRequest current, PageResult page) {
    if (page.rowCount() == 0) {
      return null;
    }
    String next = LinkHeader.target(page.headers().values(headerName), "next");
    return NextUrlPager.follow(current, next, seen);
  }
}
