package dev.apiquery.paging;

import dev.apiquery.http.ApiRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Cursor-based paging: a token from the body ({@code pagetokenpath=/json/next_cursor}), a header
 * ({@code header:X-Next}) or the last row ({@code pagetokenfromrow=id}, Stripe's
 * {@code starting_after}) is added as {@code pagetokenparam} to the chain's first URL. Ends on an
 * empty page, when {@code pagehasmorepath} is false, or when the token is missing, null, empty or
 * one already used.
 */
final class CursorPager implements Pager {
  private final PagingConfig config;
  private final SeenValues seen = new SeenValues();
  private ApiRequest firstRequest;

  CursorPager(PagingConfig config) {
    if (config.tokenParam() == null) {
      throw new IllegalArgumentException("cursor paging needs pagetokenparam: the request parameter that carries the token");
    }
    this.config = config;
  }

  @Override
  public String strategy() {
    return "cursor";
  }

  @Override
  public List<String> documentPaths() {
    List<String> paths = new ArrayList<>();
    if (config.tokenPath() != null && !PagingConfig.isHeader(config.tokenPath())) {
      paths.add(config.tokenPath());
    }
    if (config.hasMorePath() != null) {
      paths.add(config.hasMorePath());
    }
    return paths;
  }

  @Override
  public List<String> rowPaths() {
    return config.tokenFromRow() == null ? List.of() : List.of(config.tokenFromRow());
  }

  @Override
  public ApiRequest first(ApiRequest scripted, ScanWindow window) {
    int size = SizeParameters.firstSize(config, window, true);
    firstRequest = scripted.withUrl(SizeParameters.withSize(scripted.url(), config, config.pageSize()));
    return scripted.withUrl(SizeParameters.withSize(scripted.url(), config, size));
  }

  @Override
  public ApiRequest next(ApiRequest current, PageResult page) {
    if (page.rowCount() == 0) {
      return null;
    }
    if (config.hasMorePath() != null) {
      String hasMore = page.documentText(config.hasMorePath());
      if (hasMore == null || !Boolean.parseBoolean(hasMore.trim())) {
        return null;
      }
    }
    String token = token(page);
    if (token == null || token.isBlank() || !seen.firstTime(token)) {
      return null;
    }
    return firstRequest.withUrl(
        firstRequest.url().newBuilder().setQueryParameter(config.tokenParam(), token).build());
  }

  private String token(PageResult page) {
    if (config.tokenFromRow() != null) {
      return page.lastRowText(config.tokenFromRow());
    }
    if (PagingConfig.isHeader(config.tokenPath())) {
      return page.headers().get(PagingConfig.headerName(config.tokenPath()));
    }
    return page.documentText(config.tokenPath());
  }
}
