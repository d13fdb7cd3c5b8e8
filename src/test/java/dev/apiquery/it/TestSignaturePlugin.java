package dev.apiquery.it;

import dev.apiquery.spi.AuthPlugin;
import dev.apiquery.spi.AuthRequest;
import java.sql.SQLException;
import java.util.Map;

/**
 * A third-party auth scheme, added without touching the driver: registered in the test sources'
 * {@code META-INF/services/dev.apiquery.spi.AuthPlugin}. It signs each request with a key
 * version, and moves to the next key when the API answers 401.
 */
public final class TestSignaturePlugin implements AuthPlugin {
  private String secret;
  private int keyVersion = 1;
  private int queries;

  @Override
  public String scheme() {
    return "TestSignature";
  }

  @Override
  public void configure(Map<String, String> options) throws SQLException {
    secret = options.get("SigningSecret");
    if (secret == null) {
      throw new SQLException("TestSignature needs SigningSecret", "08001");
    }
  }

  @Override
  public void beforeQuery() {
    queries++;
  }

  @Override
  public void authenticate(AuthRequest request) {
    request.setHeader("X-Signature", "v" + keyVersion + ":" + secret.length());
    request.setQueryParameter("queries", Integer.toString(queries));
  }

  @Override
  public boolean onUnauthorized() {
    keyVersion++;
    return true;
  }
}
