package dev.apiquery.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionOptionsTest {
  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void readsUrlOptionsCaseInsensitively() throws SQLException {
    ConnectionOptions o = ConnectionOptions.parse("profile=/p;TIMEOUT=30;Schema=api", null);
    assertEquals("/p", o.get("Profile"));
    assertEquals("/p", o.get("PROFILE"));
    assertEquals(30, o.getInt("Timeout", 60));
    assertEquals("api", o.get("schema"));
  }

  @Test
  void unsetAndEmptyOptionsAreNull() throws SQLException {
    ConnectionOptions o = ConnectionOptions.parse("Schema=;Profile=/p", new Properties());
    assertNull(o.get("Schema"));
    assertNull(o.get("User"));
    assertEquals(60, o.getInt("Timeout", 60));
    assertEquals("60", o.get(OptionName.TIMEOUT));
    assertEquals(60, o.getInt(OptionName.TIMEOUT));
    assertEquals("None", o.get(OptionName.AUTH_SCHEME));
    assertEquals(0.0, o.getDouble("RateLimit", 0));
  }

  @Test
  void propertiesWinOverTheUrlWhateverTheCase() throws SQLException {
    ConnectionOptions o =
        ConnectionOptions.parse(
            "Profile=/from-url;Timeout=10;Schema=s", props("PROFILE", "/from-props", "user", "me"));
    assertEquals("/from-props", o.get("Profile"));
    assertEquals("10", o.get("Timeout"));
    assertEquals("me", o.get("User"));
    assertEquals("s", o.get("Schema"));
  }

  @Test
  void propertyValuesLoseOneLevelOfOuterQuotes() throws SQLException {
    ConnectionOptions o =
        ConnectionOptions.parse(
            "",
            props(
                "ProfileSettings", "'APIKey=k123456;User=me;'", "Schema", "\"x\"", "Q", "'it''s'"));
    assertEquals("k123456", o.profileSettings().get("apikey"));
    assertEquals("me", o.profileSettings().get("User"));
    assertEquals("x", o.get("Schema"));
    assertEquals("it's", o.get("Q"));
  }

  @Test
  void nonStringPropertyValuesAreRead() throws SQLException {
    Properties p = new Properties();
    p.put("Timeout", 30);
    assertEquals(30, ConnectionOptions.parse("", p).getInt("Timeout", 60));
  }

  @Test
  void propertiesDefaultsAreRead() throws SQLException {
    Properties p = new Properties(props("Schema", "fromDefaults"));
    assertEquals("fromDefaults", ConnectionOptions.parse("", p).get("Schema"));
  }

  @Test
  void locationIsAnAliasOfProfile() throws SQLException {
    ConnectionOptions o = ConnectionOptions.parse("Location=/x", null);
    assertEquals("/x", o.get("Profile"));
    assertEquals("/x", o.get("location"));
    assertEquals("/x", o.connectionValues().get("Location"));
    assertEquals("/x", o.connectionValues().get("Profile"));
    // the later of the two wins
    assertEquals("/b", ConnectionOptions.parse("Profile=/a;Location=/b", null).get("Profile"));
    assertEquals("/a", ConnectionOptions.parse("Location=/b;Profile=/a", null).get("Profile"));
    assertEquals(
        "/c", ConnectionOptions.parse("Location=/b", props("profile", "/c")).get("Profile"));
  }

  @Test
  void unknownKeysAreKept() throws SQLException {
    ConnectionOptions o =
        ConnectionOptions.parse("Profile=/p;Region=eu-1", props("Tenant", "acme"));
    assertEquals("eu-1", o.get("region"));
    assertEquals("acme", o.connectionValues().get("TENANT"));
  }

  @Test
  void connectionValuesHoldOptionsThenProfileSettingsThenOther() throws SQLException {
    ConnectionOptions o =
        ConnectionOptions.parse(
            "Profile=/p;User=top;ProfileSettings='APIKey=k1;User=nested;Region=eu;AuthScheme=Basic';"
                + "Other='Region=other;Debug=1'",
            null);
    Map<String, String> cv = o.connectionValues();
    assertEquals("/p", cv.get("profile"));
    assertEquals("k1", cv.get("apikey"));
    assertEquals("top", cv.get("User"), "a nested key never overrides a top-level option");
    assertEquals("eu", cv.get("Region"), "ProfileSettings comes before Other");
    assertEquals("1", cv.get("debug"));
    assertEquals("APIKey=k1;User=nested;Region=eu;AuthScheme=Basic", cv.get("ProfileSettings"));
    assertNull(o.get("AuthScheme"));
    assertEquals("Basic", o.effective("AuthScheme"));
    assertEquals("nested", o.profileSettings().get("user"));
    assertEquals("other", o.other().get("region"));
    assertThrows(UnsupportedOperationException.class, () -> cv.put("x", "y"));
  }

  @Test
  void nestedSettingsUseTheSameQuotingRules() throws SQLException {
    ConnectionOptions o =
        ConnectionOptions.parse("ProfileSettings=\"Filter='a;b';Name='it''s'\"", null);
    assertEquals("a;b", o.profileSettings().get("filter"));
    assertEquals("it's", o.profileSettings().get("name"));
  }

  @Test
  void badNestedSettingsFailNamingTheOption() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> ConnectionOptions.parse("ProfileSettings='APIKey=k;junk'", null));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("ProfileSettings"), e.getMessage());
  }

  @Test
  void getIntFailsNamingTheOption() throws SQLException {
    ConnectionOptions o = ConnectionOptions.parse("Region=abc", null);
    SQLException e = assertThrows(SQLException.class, () -> o.getInt("region", 1));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("Region"), e.getMessage());
    assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
  }

  @Test
  void knownNumericOptionsAreCheckedWhenParsing() {
    SQLException e =
        assertThrows(SQLException.class, () -> ConnectionOptions.parse("Timeout=soon", null));
    assertTrue(e.getMessage().contains("Timeout"), e.getMessage());
    SQLException rate =
        assertThrows(SQLException.class, () -> ConnectionOptions.parse("RateLimit=fast", null));
    assertTrue(rate.getMessage().contains("RateLimit"), rate.getMessage());
  }

  @Test
  void rateLimitMayBeAFraction() throws SQLException {
    assertEquals(0.5, ConnectionOptions.parse("RateLimit=0.5", null).getDouble("RateLimit", 0));
  }

  @Test
  void getIntOfASecretNeverEchoesTheValue() throws SQLException {
    ConnectionOptions o = ConnectionOptions.parse("ApiKey=notanumber", null);
    SQLException e = assertThrows(SQLException.class, () -> o.getInt("ApiKey", 1));
    assertFalse(e.getMessage().contains("notanumber"), e.getMessage());
  }

  @Test
  void customHeadersAcceptCrlfLfAndALiteralBackslashN() throws SQLException {
    List<Map.Entry<String, String>> expected =
        List.of(Map.entry("X-A", "1"), Map.entry("X-B", "two words"), Map.entry("X-C", "c:d"));
    for (String sep : List.of("\r\n", "\n", "\\n", "\\r\\n")) {
      ConnectionOptions o =
          ConnectionOptions.parse(
              "",
              props(
                  "CustomHeaders",
                  "X-A: 1" + sep + sep + "  X-B :two words " + sep + "X-C:c:d" + sep));
      assertEquals(
          expected, o.customHeaders(), "separator " + sep.replace("\r", "CR").replace("\n", "LF"));
    }
    ConnectionOptions fromUrl =
        ConnectionOptions.parse("CustomHeaders='X-A: 1\\nX-B: two words\\nX-C: c:d'", null);
    assertEquals(expected, fromUrl.customHeaders());
  }

  @Test
  void repeatedHeadersAreKeptInOrder() throws SQLException {
    ConnectionOptions o =
        ConnectionOptions.parse("CustomHeaders='Accept: a\\nAccept: b\\nX-Empty:'", null);
    assertEquals(
        List.of(Map.entry("Accept", "a"), Map.entry("Accept", "b"), Map.entry("X-Empty", "")),
        o.customHeaders());
  }

  @Test
  void headerLineWithoutColonFailsWithoutEchoingIt() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                ConnectionOptions.parse(
                    "", props("CustomHeaders", "X-A: 1\nBearer sk_live_abcdef")));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("CustomHeaders"), e.getMessage());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertFalse(e.getMessage().contains("sk_live_abcdef"), e.getMessage());
  }

  @Test
  void headerNameMustBeAToken() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> ConnectionOptions.parse("", props("CustomHeaders", "Bad Name secretvalue: x")));
    assertTrue(e.getMessage().contains("not a valid HTTP token"), e.getMessage());
    assertFalse(e.getMessage().contains("secretvalue"), e.getMessage());
  }

  @Test
  void customUrlParamsAreDecodedAndSplitOnAmpersandAndSemicolon() throws SQLException {
    ConnectionOptions o =
        ConnectionOptions.parse(
            "CustomUrlParams='a=1&b=x%20y;c%5B0%5D=%E2%82%AC&flag&d=a+b&e=100%&f=k==&&'", null);
    assertEquals(
        List.of(
            Map.entry("a", "1"),
            Map.entry("b", "x y"),
            Map.entry("c[0]", "€"),
            Map.entry("flag", ""),
            Map.entry("d", "a+b"),
            Map.entry("e", "100%"),
            Map.entry("f", "k==")),
        o.customUrlParams());
  }

  @Test
  void customUrlParamWithEmptyNameFails() {
    SQLException e =
        assertThrows(
            SQLException.class, () -> ConnectionOptions.parse("CustomUrlParams='a=1&=2'", null));
    assertTrue(e.getMessage().contains("CustomUrlParams"), e.getMessage());
  }

  @Test
  void accessTokenPlaceholdersAreLeftForTheOAuthPlugin() throws SQLException {
    ConnectionOptions o =
        ConnectionOptions.parse(
            "",
            props(
                "CustomHeaders", "Authorization: Bearer ${access_token}",
                "CustomUrlParams", "access_token=${access_token}&x=${unknown:thing}"));
    assertEquals(List.of(Map.entry("Authorization", "Bearer ${access_token}")), o.customHeaders());
    assertEquals(
        List.of(Map.entry("access_token", "${access_token}"), Map.entry("x", "${unknown:thing}")),
        o.customUrlParams());
    assertFalse(o.secretValues().contains("${access_token}"));
  }
}
