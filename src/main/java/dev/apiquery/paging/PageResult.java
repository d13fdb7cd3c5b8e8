package dev.apiquery.paging;

import dev.apiquery.response.Page;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;

/**
 * A page as a paging strategy sees it: the extracted rows and document values, the response
 * headers ({@code Link}, token headers), and the pager's own row paths in the last row.
 *
 * @param items the page's rows as its call's output items, made on the thread that read the page
 *     (so that the thread reading the scan's rows does not); null when they were not made there
 */
public record PageResult(Page page, Headers headers, Map<String, Object> lastRowValues, List<?> items) {
  public PageResult(Page page, Headers headers, Map<String, Object> lastRowValues) {
    this(page, headers, lastRowValues, null);
  }

  public int rowCount() {
    return page.rows().size();
  }

  /** A document value as text, or null when absent, JSON null or empty. */
  public String documentText(String path) {
    return text(page.documentValues().get(path));
  }

  /** The value of a pager row path in the last row, as text, or null. */
  public String lastRowText(String path) {
    return text(lastRowValues.get(path));
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
    return s.isEmpty() ? null : s;
  }
}
