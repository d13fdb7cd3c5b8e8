package dev.apiquery.auth;

import dev.apiquery.spi.AuthPlugin;
import dev.apiquery.spi.AuthRequest;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code AuthScheme=OAuth}: keeps an OAuth 2.0 access token fresh. Before each query it refreshes
 * per {@code OAuthRefreshPolicy}; before any request of a long scan once the token is within
 * {@code OAuthRefreshSkew} of expiry; and once on a 401. Every connection naming the same
 * {@code OAuthSettingsLocation} shares one {@link Tokens}, so one refresh runs at a time however
 * many threads wait, and a rotated refresh token is stored before the new access token is used.
 */
public final class OAuthPlugin implements AuthPlugin {
  private static final Map<String, Tokens> BY_LOCATION = new ConcurrentHashMap<>();

  private OAuthConfig config;
  private Tokens tokens;
  /** The token last put on a request: the one a 401 rejects. */
  private volatile String lastSent;

  @Override
  public String scheme() {
    return "OAuth";
  }

  @Override
  public void configure(Map<String, String> options) throws SQLException {
    config = OAuthConfig.of(options);
    tokens = BY_LOCATION.computeIfAbsent(config.settingsLocation(), l -> new Tokens(TokenStore.at(l)));
  }

  @Override
  public void beforeQuery() throws SQLException {
    if (config.initiate()) {
      tokens.forQuery(config, System.currentTimeMillis());
    }
  }

  @Override
  public void authenticate(AuthRequest request) throws SQLException {
    String token = accessToken();
    lastSent = token;
    request.setHeader("Authorization", "Bearer " + token);
  }

  @Override
  public boolean onUnauthorized() throws SQLException {
    if (!config.initiate()) {
      return false;
    }
    tokens.refreshAfterRejection(config, lastSent);
    return true;
  }

  @Override
  public String accessToken() throws SQLException {
    if (!config.initiate()) {
      return config.accessToken();
    }
    return tokens.forRequest(config, System.currentTimeMillis()).accessToken();
  }

  @Override
  public String toString() {
    return "OAuthPlugin[" + config + "]";
  }

  /** The tokens of one settings location: single-flight refresh, store before use. */
  static final class Tokens {
    private final TokenStore store;
    private TokenState state;

    Tokens(TokenStore store) {
      this.store = store;
    }

    /**
     * Before a query: refresh for EVERY_QUERY, or when the token expires within the skew or its
     * expiry is unknown. Synchronized: concurrent callers wait for the one refresh and use its
     * token.
     */
    synchronized TokenState forQuery(OAuthConfig config, long now) throws SQLException {
      load(config);
      if (config.everyQuery() || state.needsRefresh(now, config.skewMillis())) {
        refresh(config);
      }
      return state;
    }

    /** Before a request of a running scan: refresh only a token known to expire within the skew. */
    synchronized TokenState forRequest(OAuthConfig config, long now) throws SQLException {
      load(config);
      if (state.expiresWithin(now, config.skewMillis())) {
        refresh(config);
      }
      return state;
    }

    private void load(OAuthConfig config) throws SQLException {
      if (state == null) {
        state = store.load(); // resume what another connection or process stored
        if (state.accessToken() == null && state.refreshToken() == null) {
          state = new TokenState(config.accessToken(), config.refreshToken(), 0, 0);
        }
      }
    }

    /** After a 401: refresh, unless another caller already replaced the rejected token. */
    synchronized void refreshAfterRejection(OAuthConfig config, String rejected) throws SQLException {
      if (state == null || rejected == null || rejected.equals(state.accessToken())) {
        refresh(config);
      }
    }

    private void refresh(OAuthConfig config) throws SQLException {
      TokenState latest = store.load(); // another process may have rotated the refresh token
      if (latest.refreshToken() != null) {
        state = new TokenState(state.accessToken(), latest.refreshToken(), state.expiresAtMillis(), state.obtainedAtMillis());
      }
      TokenState next = new TokenEndpoint(config).request(state);
      store.save(next); // before the new access token is used: a rotation is never lost
      state = next;
    }
  }
}
