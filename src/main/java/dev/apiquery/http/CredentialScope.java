package dev.apiquery.http;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which hosts may receive credentials (auth plugin headers, CustomHeaders, CustomUrlParams and
 * secret profile headers): the hosts of the profile's URIs, learned as each request chain starts,
 * and {@code AllowedHosts}. A next-page URL on any other host is followed without them, and a
 * warning says so once per host.
 */
final class CredentialScope {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialScope.class);

  private final Set<String> allowed = ConcurrentHashMap.newKeySet();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  CredentialScope(Collection<String> allowedHosts) {
    for (String host : allowedHosts) {
      if (!host.isBlank()) {
        allowed.add(host.trim().toLowerCase(Locale.ROOT));
      }
    }
  }

  void trust(HttpUrl url) {
    allowed.add(url.host().toLowerCase(Locale.ROOT) + ":" + url.port());
  }

  boolean allows(HttpUrl url) {
    String host = url.host().toLowerCase(Locale.ROOT);
    if (allowed.contains(host + ":" + url.port()) || allowed.contains(host)) {
      return true;
    }
    if (warned.add(host + ":" + url.port())) {
      LOG.warn("Sending no credentials to {}:{}: it is neither a host of the profile's URIs nor in AllowedHosts",
          host, url.port());
    }
    return false;
  }
}
