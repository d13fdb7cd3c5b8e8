package dev.apiquery.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What becomes a connection option, what the printed URL shows, and that nothing prints a secret. */
class ConnectionPlanTest {
  private static final String SECRET = "k-5e3c2b1a0f9e";

  @Test
  void literalSecretsArePrintedAsEnvironmentReferences() throws Exception {
    ConnectionPlan plan = new ConnectionPlan(
        "AuthScheme=Basic;User=ann;Password=" + SECRET + ";ProfileSettings='ApiKey=" + SECRET
            + ";Region=eu';CustomHeaders='X-Trace: on'",
        List.of(Map.entry("Authorization", "Bearer ${env:TOKEN}"), Map.entry("Accept", "application/json")),
        List.of(Map.entry("api_key", SECRET)));
    assertEquals(List.of(Map.entry("Accept", "application/json")), plan.profileHeaders());
    String url = plan.jdbcUrl("profiles", Map.of("BaseUrl", "https://api.x.test"));
    assertEquals("jdbc:apiquery:Profile=profiles;AuthScheme=Basic;User=ann;Password=${env:PASSWORD};"
        + "ProfileSettings='ApiKey=${env:API_KEY};Region=eu';BaseUrl=https://api.x.test;"
        + "CustomHeaders='X-Trace: on\\nAuthorization: Bearer ${env:TOKEN}';CustomUrlParams=api_key=${env:API_KEY}", url);
    assertEquals(Map.of("PASSWORD", "the value given for Password", "API_KEY", "the value given for api_key"),
        plan.environment());
    Properties real = plan.properties(Map.of());
    assertEquals("X-Trace: on\nAuthorization: Bearer ${env:TOKEN}", real.getProperty("CustomHeaders"));
    assertEquals("api_key=" + SECRET, real.getProperty("CustomUrlParams"));
  }

  @Test
  void theRequestAndTheResultDoNotShowSecrets() {
    NewProfileRequest request = new NewProfileRequest("https://api.x.test/a?token=" + SECRET, null, Path.of("p"),
        List.of(Map.entry("X-Api-Key", SECRET)), List.of(Map.entry("api_key", SECRET)), "Password=" + SECRET,
        null, null, false, false);
    assertFalse(request.toString().contains(SECRET), request.toString());
    Properties props = new Properties();
    props.setProperty("Password", SECRET);
    NewProfile profile = new NewProfile("a", Path.of("p/a.rsd"), "jdbc:apiquery:Profile=p", Map.of(), props);
    assertFalse(profile.toString().contains(SECRET), profile.toString());
  }
}
