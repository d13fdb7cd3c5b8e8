package dev.apiquery.paging;

import dev.apiquery.http.ApiRequest;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Full Path and Relative Path paging ({@code pageurlpath=/json/next}): the body names the next
 * page's URL. An absolute URL is followed as given; a relative one ({@code /services/...?...},
 * Salesforce's {@code nextRecordsUrl}) is resolved against the current request's URL by RFC 3986.
 * Ends on an empty page, or when the URL is missing, null, empty or one already followed.
 */
final class NextUrlPager implements Pager {
  private final PagingConfig config;
  private final SeenValues seen = new SeenValues();

  NextUrlPager(PagingConfig config) {
    this.config = config;
  }

  @Override
  public String strategy() {
    return "next URL";
  }

  @Override
  public List<String> documentPaths() {
    return List.of(config.urlPath());
  }

  @Override
  public ApiRequest first(ApiRequest scripted, ScanWindow window) {
    seen.firstTime(scripted.url().toString());
    return SizeParameters.shrunkFirst(scripted, config, window);
  }

  @Override
  public ApiRequest next(ApiRequest current, PageResult page) {
    if (page.rowCount() == 0) {
      return null;
    }
    return follow(current, page.documentText(config.urlPath()), seen);
  }

  /** The request for a next-page reference, resolved against the current URL; null to stop. */
  static ApiRequest follow(ApiRequest current, String reference, SeenValues seen) {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    HttpUrl next = current.url().resolve(reference.trim());
    if (next == null || !seen.firstTime(next.toString())) {
      return null;
    }
    return current.withUrl(next);
  }
}
