package dev.apiquery.paging;

import dev.apiquery.profile.Invocation;

/** Chooses the paging strategy a table's script asks for. */
public final class Pagers {
  private Pagers() {}

  /** A new pager for one request chain. */
  public static Pager forInvocation(Invocation invocation) {
    // The six strategies of DESIGN 4 arrive with the paging issue; until then a chain is one page.
    return SinglePage.INSTANCE;
  }
}
