package dev.apiquery.paging;

import dev.apiquery.profile.Invocation;

/** Chooses the paging strategy a table's script asks for (DESIGN 4 "Paging"). */
public final class Pagers {
  private Pagers() {}

  /**
   * A new pager for one request chain.
   *
   * @throws IllegalArgumentException when the paging attributes are incomplete or contradictory;
   *     the message names the attribute
   */
  public static Pager forInvocation(Invocation invocation) {
    return forInvocation(null, invocation);
  }

  /**
   * A new pager for one request chain of {@code table}; a script that pushes its own page tokens
   * ({@code utiladoPushPageToken}) pages that way.
   */
  public static Pager forInvocation(dev.apiquery.profile.TableDef table, Invocation invocation) {
    if (table != null && ScriptedPager.applies(invocation)) {
      return new ScriptedPager(table, (dev.apiquery.profile.script.ScriptInvocation) invocation);
    }
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
    throw new IllegalArgumentException(
        "EnablePaging is true but no paging attribute says how to page: set pageurlpath, "
            + "pageoffsetparam, pagenumberparam or pagetokenpath/pagetokenfromrow");
  }
}
