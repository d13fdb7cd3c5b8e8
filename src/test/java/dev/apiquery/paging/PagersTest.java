package dev.apiquery.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apiquery.http.ApiRequest;
import dev.apiquery.profile.CaseInsensitive;
import dev.apiquery.profile.Invocation;
import dev.apiquery.response.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Each strategy's requests and end conditions, without HTTP. */
class PagersTest {
  private static final ApiRequest SCRIPTED =
      new ApiRequest("GET", HttpUrl.get("https://api.test/v1/items?q=x"), List.of());

  private static Pager pager(String... attributes) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < attributes.length; i += 2) {
      map.put(attributes[i], attributes[i + 1]);
    }
    Map<String, String> attrs = CaseInsensitive.copyOf(map);
    return Pagers.forInvocation(new Invocation() {
      public String operation() { return "jsonproviderget"; }
      public String method() { return "GET"; }
      public String uri() { return SCRIPTED.url().toString(); }
      public List<Map.Entry<String, String>> headers() { return List.of(); }
      public Map<String, String> attributes() { return attrs; }
    });
  }

  private static PageResult page(int rows, Map<String, Object> doc, Headers headers, Map<String, Object> last) {
    List<Object[]> list = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      list.add(new Object[] {i});
    }
    return new PageResult(new Page(list, doc), headers, last);
  }

  private static PageResult page(int rows) {
    return page(rows, Map.of(), Headers.of(), Map.of());
  }

  @Test
  void noPagingAttributesMeansOnePage() {
    assertSame(SinglePage.INSTANCE, pager());
    assertSame(SinglePage.INSTANCE, pager("EnablePaging", "false", "pageurlpath", "/json/next"));
    // EnablePaging with no way to page is one request (the script may page itself), not an error.
    assertSame(SinglePage.INSTANCE, pager("EnablePaging", "true"));
  }

  @Test
  void offsetPagingAdvancesByRowsAndStopsOnAShortPage() {
    Pager p = pager("pageoffsetparam", "start;1", "pagesizeparam", "limit", "pagesize", "100");
    assertInstanceOf(OffsetPager.class, p);
    ApiRequest first = p.first(SCRIPTED, ScanWindow.ALL);
    assertEquals("https://api.test/v1/items?q=x&start=1&limit=100", first.url().toString());
    ApiRequest second = p.next(first, page(100));
    assertEquals("101", second.url().queryParameter("start"));
    assertNull(p.next(second, page(99)));
    assertNull(p.next(second, page(0)));
  }

  @Test
  void offsetPagingStartsAtTheOffsetAndAsksOnlyForTheLimit() {
    Pager p = pager("pageoffsetparam", "offset", "pagesizeparam", "limit", "pagesize", "100");
    ApiRequest first = p.first(SCRIPTED, new ScanWindow(250, 10));
    assertEquals("250", first.url().queryParameter("offset"));
    assertEquals("10", first.url().queryParameter("limit"));
    assertEquals(250, p.rowsSkippedAtSource());
  }

  @Test
  void pageNumberPagingStartsAtThePageHoldingTheOffset() {
    Pager p = pager("pagenumberparam", "page", "pagesizeparam", "per_page", "pagesize", "100");
    ApiRequest first = p.first(SCRIPTED, new ScanWindow(250, 10));
    assertEquals("3", first.url().queryParameter("page"));
    assertEquals("100", first.url().queryParameter("per_page"));
    assertEquals(200, p.rowsSkippedAtSource());
    assertEquals("4", p.next(first, page(100)).url().queryParameter("page"));
    assertNull(p.next(first, page(7)));

    Pager limited = pager("pagenumberparam", "page;0", "pagesizeparam", "per_page", "pagesize", "100");
    ApiRequest small = limited.first(SCRIPTED, new ScanWindow(0, 5));
    assertEquals("0", small.url().queryParameter("page"));
    assertEquals("5", small.url().queryParameter("per_page"));
  }

  @Test
  void nextUrlIsFollowedAbsoluteOrRelative() {
    Pager p = pager("pageurlpath", "/json/nextRecordsUrl");
    assertEquals(List.of("/json/nextRecordsUrl"), p.documentPaths());
    ApiRequest first = p.first(SCRIPTED, ScanWindow.ALL);
    ApiRequest second = p.next(first, page(2, Map.of("/json/nextRecordsUrl", "/v1/items/cursor-2"), Headers.of(), Map.of()));
    assertEquals("https://api.test/v1/items/cursor-2", second.url().toString());
    ApiRequest third = p.next(second, page(2, Map.of("/json/nextRecordsUrl", "https://other.test/p3?x=1"), Headers.of(), Map.of()));
    assertEquals("https://other.test/p3?x=1", third.url().toString());
    Map<String, Object> nullNext = new HashMap<>();
    nullNext.put("/json/nextRecordsUrl", null);
    assertNull(p.next(third, page(2, nullNext, Headers.of(), Map.of())));
    assertNull(p.next(third, page(2, Map.of("/json/nextRecordsUrl", ""), Headers.of(), Map.of())));
    // A URL already followed means the API loops: stop.
    assertNull(p.next(third, page(2, Map.of("/json/nextRecordsUrl", "https://api.test/v1/items/cursor-2"), Headers.of(), Map.of())));
    assertNull(p.next(third, page(0, Map.of("/json/nextRecordsUrl", "/v1/new"), Headers.of(), Map.of())));
  }

  @Test
  void linkHeaderPaging() {
    Pager p = pager("pageurlpath", "header:Link");
    ApiRequest first = p.first(SCRIPTED, ScanWindow.ALL);
    Headers h = Headers.of("Link", "<https://api.test/v1/items?q=x&page=2>; rel=\"next\"");
    assertEquals("2", p.next(first, page(3, Map.of(), h, Map.of())).url().queryParameter("page"));
    assertNull(p.next(first, page(3, Map.of(), Headers.of("Link", "<https://api.test/x>; rel=\"prev\""), Map.of())));
  }

  @Test
  void cursorFromBodyHeaderOrLastRow() {
    Pager body = pager("pagetokenpath", "/json/next_cursor", "pagetokenparam", "cursor");
    ApiRequest first = body.first(SCRIPTED, ScanWindow.ALL);
    ApiRequest second = body.next(first, page(1, Map.of("/json/next_cursor", "abc"), Headers.of(), Map.of()));
    assertEquals("https://api.test/v1/items?q=x&cursor=abc", second.url().toString());
    ApiRequest third = body.next(second, page(1, Map.of("/json/next_cursor", "def"), Headers.of(), Map.of()));
    assertEquals("https://api.test/v1/items?q=x&cursor=def", third.url().toString());
    assertNull(body.next(third, page(1, Map.of("/json/next_cursor", "abc"), Headers.of(), Map.of())));

    Pager header = pager("pagetokenpath", "header:X-Next", "pagetokenparam", "after");
    ApiRequest h1 = header.first(SCRIPTED, ScanWindow.ALL);
    assertEquals("t2", header.next(h1, page(1, Map.of(), Headers.of("X-Next", "t2"), Map.of())).url().queryParameter("after"));
    assertNull(header.next(h1, page(1)));

    Pager stripe = pager("pagetokenfromrow", "id", "pagetokenparam", "starting_after",
        "pagehasmorepath", "/json/has_more", "pagesizeparam", "limit", "pagesize", "100");
    assertEquals(List.of("id"), stripe.rowPaths());
    ApiRequest s1 = stripe.first(SCRIPTED, new ScanWindow(0, 5));
    assertEquals("5", s1.url().queryParameter("limit"));
    ApiRequest s2 = stripe.next(s1, page(5, Map.of("/json/has_more", true), Headers.of(), Map.of("id", "cus_5")));
    assertEquals("cus_5", s2.url().queryParameter("starting_after"));
    assertEquals("100", s2.url().queryParameter("limit"));
    assertNull(stripe.next(s2, page(5, Map.of("/json/has_more", false), Headers.of(), Map.of("id", "cus_9"))));
    assertThrows(IllegalArgumentException.class, () -> pager("pagetokenpath", "/json/next"));
  }
}
