package dev.apiquery.auth;

import dev.apiquery.spi.AuthPlugin;
import dev.apiquery.spi.AuthRequest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;

/** {@code AuthScheme=Basic}: HTTP Basic with {@code User} and {@code Password}. */
public final class BasicAuth implements AuthPlugin {
  private String header;

  @Override
  public String scheme() {
    return "Basic";
  }

  @Override
  public void configure(Map<String, String> options) throws SQLException {
    String user = options.get("User");
    if (user == null || user.isEmpty()) {
      throw new SQLException("AuthScheme=Basic needs the User option (and Password)", "28000");
    }
    String password = options.getOrDefault("Password", "");
    header = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void authenticate(AuthRequest request) {
    request.setHeader("Authorization", header);
  }

  @Override
  public String toString() {
    return "BasicAuth[***]";
  }
}
