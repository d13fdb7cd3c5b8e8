package dev.apiquery.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.redact.SecretNames;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionNameTest {
  @Test
  void lookupIgnoresCaseAndKnowsAliases() {
    assertEquals(Optional.of(OptionName.PROFILE), OptionName.find("location"));
    assertEquals(
        Optional.of(OptionName.OAUTH_ACCESS_TOKEN_URL), OptionName.find("oauthaccesstokenurl"));
    assertEquals("Profile", OptionName.canonical("LOCATION"));
    assertEquals("SomethingElse", OptionName.canonical("SomethingElse"));
    assertEquals(Optional.empty(), OptionName.find("SomethingElse"));
  }

  @Test
  void defaultsMatchTheDesign() {
    assertEquals("60", OptionName.TIMEOUT.defaultValue());
    assertEquals("4", OptionName.MAX_RETRIES.defaultValue());
    assertEquals("120", OptionName.MAX_RETRY_WAIT.defaultValue());
    assertEquals("0", OptionName.RATE_LIMIT.defaultValue());
    assertEquals("4", OptionName.MAX_CONCURRENT_REQUESTS.defaultValue());
    assertEquals("100000", OptionName.MAX_PAGES.defaultValue());
    assertEquals("1", OptionName.VERBOSITY.defaultValue());
    assertEquals("None", OptionName.AUTH_SCHEME.defaultValue());
    assertEquals("REFRESH", OptionName.INITIATE_OAUTH.defaultValue());
    assertEquals("REFRESH", OptionName.OAUTH_GRANT_TYPE.defaultValue());
    assertEquals("POST", OptionName.OAUTH_PASSWORD_GRANT_MODE.defaultValue());
    assertEquals("BEFORE_EXPIRY", OptionName.OAUTH_REFRESH_POLICY.defaultValue());
    assertEquals("60", OptionName.OAUTH_REFRESH_SKEW.defaultValue());
    assertEquals(null, OptionName.PROFILE.defaultValue());
  }

  @Test
  void secretFlagsAgreeWithTheNameRule() {
    for (OptionName option : OptionName.values()) {
      assertEquals(option.isSecret(), SecretNames.isSecretName(option.key()), option.key());
    }
    assertTrue(OptionName.PASSWORD.isSecret());
    assertTrue(OptionName.OAUTH_REFRESH_TOKEN.isSecret());
    assertFalse(OptionName.OAUTH_CLIENT_ID.isSecret());
  }

  @Test
  void containers() {
    assertTrue(OptionName.isContainer("profilesettings"));
    assertTrue(OptionName.isContainer("Other"));
    assertTrue(OptionName.isContainer("CustomHeaders"));
    assertTrue(OptionName.isContainer("CustomUrlParams"));
    assertFalse(OptionName.isContainer("Profile"));
    assertFalse(OptionName.isContainer("APIKey"));
  }
}
