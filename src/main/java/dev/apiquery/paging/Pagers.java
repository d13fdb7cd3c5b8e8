package dev.apiquery.paging;

import dev.apiquery.profile.Invocation;

/** Chooses the paging strategy a table's script asks for (DESIGN 4 "Paging"). */
public final class Pagers {
  private Pagers() {}

  /**
   * A new pager for one provider call. {@code EnablePaging=true} with no paging attribute is one
   * request: the script may page itself ({@code rows@next}), or the API has one page.
   *
   * @throws IllegalArgumentException when the paging attributes are malformed; the message names
   *     the attribute
   */
  public static Pager forInvocation(Invocation invocation) {
    PagingConfig config = PagingConfig.of(invocation);
    if (!config.enabled()) {
      return SinglePage.INSTANCE;
    }
    if (config.urlPath() != null) {
      return PagingConfig.isHeader(config.urlPath()) ? new LinkHeaderPager(config) : new NextUrlPager(config);
    }
    if (config.offsetParam() != null) {
      return new OffsetPager(config);
    }
    if (config.numberParam() != null) {
      return new PageNumberPager(config);
    }
    if (config.tokenPath() != null || config.tokenFromRow() != null) {
      return new CursorPager(config);
    }
    return SinglePage.INSTANCE;
  }
}
