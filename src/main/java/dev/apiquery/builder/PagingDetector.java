package dev.apiquery.builder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apiquery.builder.PagingPlan.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Detects the paging of an endpoint from its first page, in this order: a {@code Link} header
 * with {@code rel="next"}; a next URL in the body (absolute or relative); a cursor token in the
 * body; a {@code has_more} flag with an id column (Stripe); offset/limit or page/per_page
 * parameters in the sampled URL; else none.
 */
public final class PagingDetector {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;[^,<]*)*)");
  private static final Pattern NEXT_REL = Pattern.compile("rel\\s*=\\s*\"?[^\"]*\\bnext\\b", Pattern.CASE_INSENSITIVE);
  private static final Set<String> CURSOR_NAMES = Set.of("nextcursor", "cursor", "nextpagetoken", "pagetoken",
      "nexttoken", "continuationtoken", "continuation", "endcursor", "nextmarker", "marker", "scrollid",
      "nextkey", "after", "startingafter", "nextpagecursor", "cursornext");
  private static final Set<String> HAS_MORE_NAMES = Set.of("hasmore", "more", "hasnext", "hasnextpage", "morerecords");
  private static final Set<String> OFFSET_PARAMS = Set.of("offset", "skip", "start", "startindex", "from");
  private static final Set<String> PAGE_PARAMS = Set.of("page", "pagenumber", "pageno", "pagenum", "pageindex");
  private static final Set<String> SIZE_PARAMS = Set.of("limit", "perpage", "pagesize", "size", "count", "take",
      "max", "maxresults", "rows", "top", "pagelen", "pagelimit");
  private static final Set<String> TOTAL_NAMES = Set.of("total", "totalcount", "totalsize", "totalresults",
      "totalitems", "totalrecords", "totalrows", "totalelements", "count", "recordcount");

  private final SampledPage page;
  private final RowSet rows;
  private final List<DocumentField> fields;
  private final String cursorParam;
  private final List<String> reasons = new ArrayList<>();

  private PagingDetector(SampledPage page, RowSet rows, String cursorParam) {
    this.page = page;
    this.rows = rows;
    this.fields = DocumentField.outside(page.body(), rows);
    this.cursorParam = cursorParam;
  }

  /**
   * @param first the first sampled page
   * @param rows where its rows are
   * @param keyPath the row path of the key column (Stripe's token), or null
   * @param cursorParam {@code --cursor-param}, or null to guess it from the token's name
   */
  public static PagingPlan detect(SampledPage first, RowSet rows, String keyPath, String cursorParam) {
    return new PagingDetector(first, rows, cursorParam).detect(keyPath);
  }

  private PagingPlan detect(String keyPath) {
    PagingPlan plan = linkHeader();
    if (plan == null) {
      plan = nextUrl();
    }
    if (plan == null) {
      plan = cursor();
    }
    if (plan == null) {
      plan = hasMore(keyPath);
    }
    if (plan == null) {
      plan = UrlParamPaging.detect(page.url(), rows.rows().size(), total(), reasons);
    }
    if (plan == null) {
      reasons.add("no Link header, no next URL or cursor in the body, no has_more flag, and no offset or"
          + " page parameter in --url");
      plan = new PagingPlan(Kind.NONE, List.of(), page.url(), reasons, null);
    }
    return plan;
  }

  private PagingPlan linkHeader() {
    for (String value : page.headers().values("Link")) {
      Matcher m = LINK.matcher(value);
      while (m.find()) {
        if (NEXT_REL.matcher(m.group(2)).find()) {
          HttpUrl next = page.url().resolve(m.group(1).strip());
          reasons.add("the response has a Link header with rel=\"next\"");
          return plan(Kind.LINK_HEADER, List.of(Map.entry("pageurlpath", "header:Link")), next);
        }
      }
    }
    return null;
  }

  private PagingPlan nextUrl() {
    for (DocumentField f : fields) {
      String name = f.normalizedName();
      boolean nextName = name.contains("next") || f.normalizedParent().contains("next");
      String text = f.text();
      if (!nextName || !f.value().isTextual() || !isUrl(text)) {
        continue;
      }
      boolean absolute = text.startsWith("http://") || text.startsWith("https://");
      reasons.add(f.rsdPath() + " holds " + (absolute ? "an absolute" : "a relative") + " next-page URL"
          + (absolute ? "" : ", resolved against the request's URL"));
      return plan(Kind.NEXT_URL, List.of(Map.entry("pageurlpath", f.rsdPath())), page.url().resolve(text));
    }
    return null;
  }

  private PagingPlan cursor() {
    for (DocumentField f : fields) {
      String name = f.normalizedName();
      boolean tokenName = CURSOR_NAMES.contains(name)
          || (name.equals("next") && !f.value().isBoolean() && !f.value().isNull());
      if (!tokenName || f.value().isBoolean() || isUrl(f.text())) {
        continue;
      }
      String param = cursorParam != null ? cursorParam : guessParam(name);
      reasons.add(f.rsdPath() + " holds a cursor token, sent as '" + param + "'"
          + (cursorParam != null ? " (--cursor-param)" : " (guessed from the field's name; --cursor-param NAME to change)"));
      String token = f.text();
      HttpUrl next = null;
      if (token == null || token.isEmpty()) {
        reasons.add("the token is empty on the first page: the API has one page now");
      } else {
        next = page.url().newBuilder().setQueryParameter(param, token).build();
      }
      return plan(Kind.CURSOR, List.of(Map.entry("pagetokenpath", f.rsdPath()), Map.entry("pagetokenparam", param)), next);
    }
    return null;
  }

  private PagingPlan hasMore(String keyPath) {
    for (DocumentField f : fields) {
      if (!HAS_MORE_NAMES.contains(f.normalizedName()) || !f.value().isBoolean()) {
        continue;
      }
      if (keyPath == null) {
        reasons.add(f.rsdPath() + " is a has-more flag, but the rows have no id column whose last value could be"
            + " the token");
        return null;
      }
      String param = cursorParam != null ? cursorParam : "starting_after";
      reasons.add(f.rsdPath() + " is a has-more flag and the rows have '" + keyPath + "': the last row's "
          + keyPath + " is sent as '" + param + "'" + (cursorParam != null ? " (--cursor-param)"
          : " (Stripe's name; --cursor-param NAME to change)"));
      HttpUrl next = null;
      JsonNode last = rows.rows().isEmpty() ? null : rows.rows().get(rows.rows().size() - 1).path(keyPath);
      if (f.value().asBoolean() && last != null && last.isValueNode()) {
        next = page.url().newBuilder().setQueryParameter(param, last.asText()).build();
      } else {
        reasons.add(f.rsdPath() + " is false on the first page: the API has one page now");
      }
      return plan(Kind.HAS_MORE, List.of(Map.entry("pagetokenfromrow", keyPath), Map.entry("pagetokenparam", param),
          Map.entry("pagehasmorepath", f.rsdPath())), next);
    }
    return null;
  }

  /** A document-level count of all rows, or -1. */
  private long total() {
    for (DocumentField f : fields) {
      if (TOTAL_NAMES.contains(f.normalizedName()) && f.value().isIntegralNumber()) {
        reasons.add(f.rsdPath() + " = " + f.value().asLong() + " looks like the total number of rows");
        return f.value().asLong();
      }
    }
    return -1;
  }

  private PagingPlan plan(Kind kind, List<Map.Entry<String, String>> attributes, HttpUrl next) {
    return new PagingPlan(kind, attributes, page.url(), reasons, next);
  }

  private static boolean isUrl(String text) {
    return text != null && (text.startsWith("http://") || text.startsWith("https://")
        || (text.startsWith("/") && text.length() > 1) || text.startsWith("?"));
  }

  /** The parameter APIs usually take a token back in, by the token field's name. */
  private static String guessParam(String tokenName) {
    return switch (tokenName) {
      case "nextpagetoken", "pagetoken" -> "pageToken";
      case "nexttoken" -> "nextToken";
      case "after", "endcursor" -> "after";
      case "startingafter" -> "starting_after";
      case "nextmarker", "marker" -> "marker";
      case "scrollid" -> "scroll_id";
      case "continuationtoken", "continuation" -> "continuation";
      default -> "cursor";
    };
  }

  static boolean isOffsetParam(String name) {
    return OFFSET_PARAMS.contains(DocumentField.normalize(name));
  }

  static boolean isPageParam(String name) {
    return PAGE_PARAMS.contains(DocumentField.normalize(name));
  }

  static boolean isSizeParam(String name) {
    return SIZE_PARAMS.contains(DocumentField.normalize(name));
  }
}
