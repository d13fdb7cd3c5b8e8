package dev.apiquery.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.jdbc.secret.SecretResolvers;
import dev.apiquery.jdbc.secret.TestSecretResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretReferenceTest {
  @TempDir Path dir;

  private static ConnectionOptions parse(String url) throws SQLException {
    return ConnectionOptions.parse(url, new Properties());
  }

  @Test
  void envReference() throws SQLException {
    String path = System.getenv("PATH");
    assertNotNull(path, "PATH is set in every environment");
    ConnectionOptions o = parse("Password=${env:PATH}");
    assertEquals(path, o.get("Password"));
    assertTrue(o.secretValues().contains(path));
  }

  @Test
  void unsetEnvVariableFailsNamingOptionAndReference() {
    String name = "APIQUERY_UNSET_" + UUID.randomUUID().toString().replace('-', '_');
    SQLException e =
        assertThrows(SQLException.class, () -> parse("OAuthClientSecret=${env:" + name + "}"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("OAuthClientSecret"), e.getMessage());
    assertTrue(e.getMessage().contains("${env:" + name + "}"), e.getMessage());
  }

  @Test
  void fileReferenceIsTrimmedContent() throws IOException, SQLException {
    Path file = dir.resolve("token.txt");
    Files.writeString(file, "\uFEFF  tok-from-file-123\n", StandardCharsets.UTF_8);
    ConnectionOptions o = parse("OAuthRefreshToken=${file:" + file + "}");
    assertEquals("tok-from-file-123", o.get("OAuthRefreshToken"));
    assertEquals(List.of("tok-from-file-123"), o.secretValues());
  }

  @Test
  void missingFileFailsWithoutAnySecret() {
    Path missing = dir.resolve("nope.txt");
    SQLException e =
        assertThrows(SQLException.class, () -> parse("Password=${file:" + missing + "}"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("Password"), e.getMessage());
    assertTrue(e.getMessage().contains("${file:" + missing + "}"), e.getMessage());
  }

  @Test
  void referenceInsideALongerValueIsExpanded() throws IOException, SQLException {
    Path file = dir.resolve("bearer");
    Files.writeString(file, "abc.def.ghi\n");
    ConnectionOptions o =
        parse("CustomHeaders='Authorization: Bearer ${file:" + file + "}\\nX-Trace: t-1'");
    assertEquals(
        List.of(Map.entry("Authorization", "Bearer abc.def.ghi"), Map.entry("X-Trace", "t-1")),
        o.customHeaders());
    assertTrue(o.secretValues().contains("abc.def.ghi"));
    assertTrue(o.secretValues().contains("Bearer abc.def.ghi"));
    assertFalse(o.secretValues().contains("t-1"));
  }

  @Test
  void syspropReference() throws SQLException {
    String key = "apiquery.test." + UUID.randomUUID();
    System.setProperty(key, "sys-value-42");
    try {
      ConnectionOptions o = parse("ProfileSettings='APIKey=${sysprop:" + key + "};Region=eu'");
      assertEquals("sys-value-42", o.profileSettings().get("APIKey"));
      assertEquals("sys-value-42", o.connectionValues().get("apikey"));
      assertEquals("APIKey=sys-value-42;Region=eu", o.get("ProfileSettings"));
      assertTrue(o.secretValues().contains("sys-value-42"));
    } finally {
      System.clearProperty(key);
    }
  }

  @Test
  void unsetSyspropFailsNamingTheNestedKey() {
    SQLException e =
        assertThrows(
            SQLException.class, () -> parse("Other='Token=${sysprop:apiquery.never.set.x}'"));
    assertTrue(e.getMessage().contains("Other"), e.getMessage());
    assertTrue(e.getMessage().contains("Token"), e.getMessage());
    assertTrue(e.getMessage().contains("${sysprop:apiquery.never.set.x}"), e.getMessage());
  }

  @Test
  void schemeIsCaseInsensitive() throws SQLException {
    System.setProperty("apiquery.test.case", "v");
    try {
      assertEquals("v", parse("Region=${SysProp:apiquery.test.case}").get("Region"));
    } finally {
      System.clearProperty("apiquery.test.case");
    }
  }

  @Test
  void pluggedInResolverIsFoundThroughServiceLoader() throws SQLException {
    assertTrue(SecretResolvers.defaults().schemes().contains("test"));
    ConnectionOptions o = parse("Password=${test:abc};CustomUrlParams='api_key=${test:k1}&page=1'");
    assertEquals("vault-abc", o.get("Password"));
    assertEquals(
        List.of(Map.entry("api_key", "vault-k1"), Map.entry("page", "1")), o.customUrlParams());
    assertTrue(o.secretValues().containsAll(List.of("vault-abc", "vault-k1")));
  }

  @Test
  void pluginCannotReplaceABuiltInScheme() throws SQLException {
    assertEquals(System.getenv("PATH"), parse("Region=${env:PATH}").get("Region"));
  }

  @Test
  void eachReferenceIsResolvedOncePerConnection() throws SQLException {
    int before = TestSecretResolver.CALLS.get();
    parse("Password=${test:once};Other='Secret=${test:once}';CustomHeaders='X-Key: ${test:once}'");
    assertEquals(1, TestSecretResolver.CALLS.get() - before);
  }

  @Test
  void failingPluginFailsWithItsMessage() {
    SQLException e = assertThrows(SQLException.class, () -> parse("Password=${test:fail}"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("${test:fail}"), e.getMessage());
    assertTrue(e.getMessage().contains("no entry named fail"), e.getMessage());
    assertTrue(e.getMessage().contains("Password"), e.getMessage());
  }

  @Test
  void unknownSchemeAndBarePlaceholdersStayLiteral() throws SQLException {
    ConnectionOptions o = parse("Region=${nope:x}-${access_token}-${env}");
    assertEquals("${nope:x}-${access_token}-${env}", o.get("Region"));
  }

  @Test
  void resolvedValuesAreNotExpandedAgain() throws IOException, SQLException {
    Path file = dir.resolve("tricky");
    Files.writeString(file, "a${env:PATH}b");
    assertEquals("a${env:PATH}b", parse("Password=${file:" + file + "}").get("Password"));
  }

  @Test
  void wholeContainerFromAFileIsParsedAfterReading() throws IOException, SQLException {
    Path file = dir.resolve("settings");
    Files.writeString(file, "APIKey=file-key-777;User=me;Region=eu\n");
    ConnectionOptions o = parse("ProfileSettings=${file:" + file + "}");
    assertEquals("file-key-777", o.profileSettings().get("apikey"));
    assertEquals("me", o.connectionValues().get("User"));
    assertTrue(o.secretValues().contains("file-key-777"));
    assertFalse(o.secretValues().contains("me"), "User is a known non-secret option");

    Path headers = dir.resolve("headers");
    Files.writeString(headers, "X-Tenant: acme-tenant\r\nAccept: application/json\r\n");
    ConnectionOptions h = parse("CustomHeaders=${file:" + headers + "}");
    assertEquals(
        List.of(Map.entry("X-Tenant", "acme-tenant"), Map.entry("Accept", "application/json")),
        h.customHeaders());
    assertTrue(
        h.secretValues().contains("acme-tenant"), "values read from a secret file are secret");
  }

  @Test
  void secretWithSeparatorsDoesNotBreakItsContainer() throws IOException, SQLException {
    Path file = dir.resolve("semi");
    Files.writeString(file, "a;b=c:d");
    ConnectionOptions o =
        parse(
            "ProfileSettings='APIKey=${file:"
                + file
                + "};User=me';CustomUrlParams='k=${file:"
                + file
                + "}'");
    assertEquals("a;b=c:d", o.profileSettings().get("APIKey"));
    assertEquals("me", o.profileSettings().get("User"));
    assertEquals(List.of(Map.entry("k", "a;b=c:d")), o.customUrlParams());
  }

  @Test
  void referencesInPropertiesAreResolved() throws SQLException {
    Properties p = new Properties();
    p.setProperty("password", "'${test:props}'");
    assertEquals("vault-props", ConnectionOptions.parse("", p).get("Password"));
  }

  @Test
  void referencesUnderKnownNonSecretOptionsAreNotSecrets() throws SQLException {
    ConnectionOptions o = parse("Profile=${env:PATH};Region=${test:region}");
    assertFalse(o.secretValues().contains(System.getenv("PATH")));
    assertTrue(o.secretValues().contains("vault-region"), "unknown key: a reference means private");
  }

  @Test
  void explicitResolverSetWithoutPlugins() throws SQLException {
    ConnectionOptions o =
        ConnectionOptions.parse("Region=${test:x}", null, SecretResolvers.of(List.of()));
    assertEquals("${test:x}", o.get("Region"));
  }
}
