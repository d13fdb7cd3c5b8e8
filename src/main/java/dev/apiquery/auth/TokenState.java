package dev.apiquery.auth;

/**
 * What an OAuth token store keeps. Immutable.
 *
 * @param accessToken the current access token, or null
 * @param refreshToken the newest refresh token (rotated ones replace it), or null
 * @param expiresAtMillis when the access token expires (epoch millis), or 0 when unknown
 * @param obtainedAtMillis when the access token was obtained (epoch millis)
 */
public record TokenState(String accessToken, String refreshToken, long expiresAtMillis, long obtainedAtMillis) {
  static final TokenState EMPTY = new TokenState(null, null, 0, 0);

  /** Whether the access token is missing, of unknown expiry, or expires within {@code skewMillis}. */
  boolean needsRefresh(long nowMillis, long skewMillis) {
    return accessToken == null || expiresAtMillis <= 0 || expiresAtMillis - skewMillis <= nowMillis;
  }

  /**
   * Whether a request about to be sent needs a new token: none yet, or a known expiry within the
   * skew. An unknown expiry is refreshed before each query, not before each request.
   */
  boolean expiresWithin(long nowMillis, long skewMillis) {
    return accessToken == null || (expiresAtMillis > 0 && expiresAtMillis - skewMillis <= nowMillis);
  }

  @Override
  public String toString() {
    return "TokenState[expiresAt=" + expiresAtMillis + ", tokens=***]";
  }
}
