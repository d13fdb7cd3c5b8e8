package dev.apiquery.builder;

import dev.apiquery.builder.PagingPlan.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Offset/limit and page/per_page paging, read from the parameters of the sampled URL
 * ({@code ?offset=0&limit=50}, {@code ?page=1&per_page=100}). The profile's URI drops them: the
 * paging attributes set them on every request.
 */
final class UrlParamPaging {
  private UrlParamPaging() {}

  /**
   * @param rowCount rows on the first page
   * @param total the document's total row count, or -1
   * @param reasons what was seen is added here
   * @return null when the URL has neither an offset nor a page parameter
   */
  static PagingPlan detect(HttpUrl url, int rowCount, long total, List<String> reasons) {
    String offset = null;
    String number = null;
    String size = null;
    for (String name : url.queryParameterNames()) {
      if (offset == null && PagingDetector.isOffsetParam(name) && isWhole(url.queryParameter(name))) {
        offset = name;
      } else if (number == null && PagingDetector.isPageParam(name) && isWhole(url.queryParameter(name))) {
        number = name;
      } else if (size == null && PagingDetector.isSizeParam(name) && isWhole(url.queryParameter(name))) {
        size = name;
      }
    }
    String param = offset != null ? offset : number;
    if (param == null) {
      return null;
    }
    long start = Long.parseLong(url.queryParameter(param));
    List<Map.Entry<String, String>> attributes = new ArrayList<>();
    attributes.add(Map.entry(offset != null ? "pageoffsetparam" : "pagenumberparam", param + ";" + start));
    HttpUrl.Builder uri = url.newBuilder().removeAllQueryParameters(param);
    int pageSize = -1;
    if (size != null) {
      pageSize = Integer.parseInt(url.queryParameter(size));
      attributes.add(Map.entry("pagesizeparam", size));
      attributes.add(Map.entry("pagesize", Integer.toString(pageSize)));
      uri.removeAllQueryParameters(size);
    }
    reasons.add("--url has " + (offset != null ? "an offset" : "a page number") + " parameter '" + param + "' = "
        + start + (size == null ? " and no page size parameter: a page ends the scan when it is empty"
        : " and a page size parameter '" + size + "' = " + pageSize));
    // rows read after the first page: from the offset for offset paging; a first page number
    // stands for the first rows whatever its base
    long readAfterFirst = (offset != null ? start : 0) + rowCount;
    boolean last = rowCount == 0 || (pageSize > 0 && rowCount < pageSize) || (total >= 0 && readAfterFirst >= total);
    HttpUrl next = null;
    if (last) {
      reasons.add("the first page is the last (" + rowCount + " rows" + (total >= 0 ? " of " + total : "") + ")");
    } else {
      long nextValue = offset != null ? start + rowCount : start + 1;
      next = url.newBuilder().setQueryParameter(param, Long.toString(nextValue)).build();
    }
    return new PagingPlan(offset != null ? Kind.OFFSET : Kind.PAGE_NUMBER, attributes, uri.build(), reasons, next);
  }

  private static boolean isWhole(String value) {
    return value != null && value.matches("\\d{1,9}");
  }
}
