package dev.apiquery.auth;

import dev.apiquery.spi.AuthPlugin;
import dev.apiquery.spi.AuthRequest;
import java.sql.SQLException;
import java.util.Map;

/** {@code AuthScheme=Bearer}: {@code Authorization: Bearer <OAuthAccessToken>}. */
public final class BearerAuth implements AuthPlugin {
  private String token;

  @Override
  public String scheme() {
    return "Bearer";
  }

  @Override
  public void configure(Map<String, String> options) throws SQLException {
    token = options.get("OAuthAccessToken");
    if (token == null || token.isEmpty()) {
      throw new SQLException("AuthScheme=Bearer needs the OAuthAccessToken option", "28000");
    }
  }

  @Override
  public void authenticate(AuthRequest request) {
    request.setHeader("Authorization", "Bearer " + token);
  }

  @Override
  public String toString() {
    return "BearerAuth[***]";
  }
}
