package dev.apiquery.paging;

import dev.apiquery.http.ApiRequest;

/** No paging: the chain is one request. */
public final class SinglePage implements Pager {
  public static final SinglePage INSTANCE = new SinglePage();

  private SinglePage() {}

  @Override
  public String strategy() {
    return "no";
  }

  @Override
  public ApiRequest first(ApiRequest scripted, ScanWindow window) {
    return scripted;
  }

  @Override
  public ApiRequest next(ApiRequest current, PageResult page) {
    return null;
  }
}
