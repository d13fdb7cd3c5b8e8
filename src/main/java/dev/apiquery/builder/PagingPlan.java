package dev.apiquery.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * The paging {@code profile new} detected.
 *
 * @param kind the strategy
 * @param attributes the {@code api:set}s that configure it, in order
 * @param uri the URI the profile requests first (paging parameters the attributes set removed)
 * @param reasons what was seen, for the user
 * @param next the second page's URL, computed from the first page; null when there is none
 */
public record PagingPlan(Kind kind, List<Map.Entry<String, String>> attributes, HttpUrl uri,
    List<String> reasons, HttpUrl next) {

  public PagingPlan {
    attributes = List.copyOf(attributes);
    reasons = List.copyOf(reasons);
  }

  /** The strategies of docs/paging.md. */
  public enum Kind {
    LINK_HEADER("Link header"),
    NEXT_URL("next URL in the body"),
    CURSOR("cursor token in the body"),
    HAS_MORE("has_more flag and the last row's id (Stripe style)"),
    OFFSET("offset and limit"),
    PAGE_NUMBER("page numbers"),
    NONE("none");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** No paging, because the second page showed it does not work: the profile requests {@code firstUrl}. */
  PagingPlan withoutPaging(String reason, HttpUrl firstUrl) {
    List<String> why = new ArrayList<>(reasons);
    why.add(reason);
    return new PagingPlan(Kind.NONE, List.of(), firstUrl, why, null);
  }
}
