package dev.apiquery.auth;

import dev.apiquery.spi.AuthPlugin;
import dev.apiquery.spi.AuthRequest;
import java.util.Map;

/** {@code AuthScheme=None}: the profile and CustomHeaders carry whatever the API needs. */
public final class NoAuth implements AuthPlugin {
  @Override
  public String scheme() {
    return "None";
  }

  @Override
  public void configure(Map<String, String> options) {}

  @Override
  public void authenticate(AuthRequest request) {}
}
