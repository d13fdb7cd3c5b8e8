package dev.apiquery.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void secretNames() {
    for (String name :
        List.of(
            "Password",
            "ProxyPassword",
            "OAuthClientSecret",
            "OAuthRefreshToken",
            "OAuthAccessToken",
            "api_key",
            "APIKey",
            "X-Api-Key",
            "access_token",
            "client_secret",
            "X-Auth-Token",
            "Authorization",
            "signature",
            "X-Amz-Signature",
            "sig",
            "passwd",
            "db_pwd",
            "Cookie",
            "client_assertion",
            "OAuthParams",
            "authorize",
            "AUTH")) {
      assertTrue(SecretNames.isSecretName(name), name);
    }
  }

  @Test
  void nonSecretNames() {
    for (String name :
        List.of(
            "AuthScheme",
            "InitiateOAuth",
            "OAuthGrantType",
            "OAuthPasswordGrantMode",
            "OAuthRefreshPolicy",
            "OAuthRefreshSkew",
            "OAuthSettingsLocation",
            "OAuthAccessTokenURL",
            "OAuthRefreshTokenURL",
            "OAuthClientId",
            "token_type",
            "author",
            "authority",
            "keyword",
            "keywords",
            "User",
            "Profile",
            "per_page",
            "page",
            "Scope",
            "Content-Type",
            "Keep-Alive",
            "")) {
      assertFalse(SecretNames.isSecretName(name), name);
    }
    assertFalse(SecretNames.isSecretName(null));
  }

  @Test
  void secretHeaders() {
    for (String name :
        List.of(
            "Authorization",
            "proxy-authorization",
            "Cookie",
            "Set-Cookie",
            "X-Api-Key",
            "X-Auth-Token")) {
      assertTrue(SecretNames.isSecretHeader(name), name);
    }
    for (String name : List.of("Accept", "Content-Type", "User-Agent", "X-Request-Id")) {
      assertFalse(SecretNames.isSecretHeader(name), name);
    }
  }

  @Test
  void headerValues() {
    assertEquals("Bearer ***", SecretNames.redactHeaderValue("Authorization", "Bearer abc.def"));
    assertEquals(
        "Basic ***", SecretNames.redactHeaderValue("Proxy-Authorization", "Basic dXNlcjpwdw=="));
    assertEquals("***", SecretNames.redactHeaderValue("Authorization", "rawtoken"));
    assertEquals("***", SecretNames.redactHeaderValue("Cookie", "session=abc; theme=dark"));
    assertEquals("***", SecretNames.redactHeaderValue("X-Api-Key", "Bearer looks-like-scheme"));
    assertEquals("application/json", SecretNames.redactHeaderValue("Accept", "application/json"));
    assertNull(SecretNames.redactHeaderValue("Authorization", null));
    assertEquals("abc.def", SecretNames.credentialsOf("Bearer  abc.def "));
    assertNull(SecretNames.credentialsOf("abc"));
  }

  @Test
  void urlQueryUserinfoAndFragment() {
    assertEquals(
        "https://u:***@api.example.com/v1/x?api_key=***&page=2&access_token=***&q=a%20b#frag",
        Redactor.redactUrl(
            "https://u:pa%3Ass@api.example.com/v1/x?api_key=K1&page=2&access_token=T&q=a%20b#frag"));
    assertEquals(
        "https://cb.example.com/#access_token=***&token_type=bearer",
        Redactor.redactUrl("https://cb.example.com/#access_token=abc&token_type=bearer"));
    assertEquals(
        "https://h/p?client%5Fsecret=***&x", Redactor.redactUrl("https://h/p?client%5Fsecret=s&x"));
    assertEquals(
        "https://user@h/p?author=octocat", Redactor.redactUrl("https://user@h/p?author=octocat"));
    assertEquals("not a url", Redactor.redactUrl("not a url"));
    assertNull(Redactor.redactUrl((String) null));
  }

  @Test
  void okHttpUrl() {
    HttpUrl url = HttpUrl.get("https://api.example.com/a?token=abc&limit=5");
    assertEquals("https://api.example.com/a?token=***&limit=5", Redactor.redactUrl(url));
  }

  @Test
  void valuesAreReplacedLongestFirst() {
    Redactor r = new Redactor(List.of("secret", "secret-longer"));
    assertEquals("a *** b ***", r.redact("a secret-longer b secret"));
  }

  @Test
  void encodedFormsAreReplaced() {
    Redactor r = new Redactor(List.of("p@ss w/rd+\"x\""));
    assertEquals("q=***", r.redact("q=p%40ss+w%2Frd%2B%22x%22"));
    assertEquals("q=***", r.redact("q=p%40ss%20w%2Frd%2B%22x%22"));
    assertEquals("{\"pw\":\"***\"}", r.redact("{\"pw\":\"p@ss w/rd+\\\"x\\\"\"}"));
    assertEquals("raw *** here", r.redact("raw p@ss w/rd+\"x\" here"));
  }

  @Test
  void shortSecretsOnlyMatchWholeTokens() {
    Redactor r = new Redactor(List.of("ab1"));
    assertEquals("key=*** and cab12 and ***", r.redact("key=ab1 and cab12 and ab1"));
    Redactor longer = new Redactor(List.of("abcd"));
    assertEquals("x***y", longer.redact("xabcdy"));
  }

  @Test
  void ignoresEmptyAndMaskLikeValues() {
    Redactor r = new Redactor(java.util.Arrays.asList("", null, "***", "*"));
    assertEquals("a *** b", r.redact("a *** b"));
  }

  @Test
  void noneAndNullAndPlus() {
    assertEquals("token abc", Redactor.NONE.redact("token abc"));
    assertNull(new Redactor(List.of("x")).redact(null));
    Redactor r = Redactor.NONE.plus(List.of("fresh-token-1"));
    assertEquals("Bearer ***", r.redact("Bearer fresh-token-1"));
    String same = "nothing secret";
    assertSame(same, r.redact(same));
  }

  @Test
  void toStringHoldsNoSecret() {
    assertFalse(new Redactor(List.of("topsecret")).toString().contains("topsecret"));
  }

  @Test
  void aboutAsCheapAsReplacingEachSecretByHand() {
    // A ratio against the naive redaction of the same lines in the same run, not a wall-clock
    // bound: every log line passes through the redactor, so it must not cost more than a small
    // multiple of String.replace per secret, however busy the machine is.
    List<String> secrets = List.of("alpha-secret-1", "beta-secret-22", "gamma-333", "d4");
    Redactor r = new Redactor(secrets);
    String line =
        "GET https://api.example.com/v1/items?page=17&per_page=100 -> 200 (1234 bytes) ".repeat(4);
    long redactor = Long.MAX_VALUE;
    long naive = Long.MAX_VALUE;
    int sink = 0;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < 20_000; i++) {
        sink += r.redact(line).length();
      }
      redactor = Math.min(redactor, System.nanoTime() - start);
      start = System.nanoTime();
      for (int i = 0; i < 20_000; i++) {
        String out = line;
        for (String secret : secrets) {
          out = out.replace(secret, "****");
        }
        sink += out.length();
      }
      naive = Math.min(naive, System.nanoTime() - start);
    }
    assertTrue(sink > 0);
    assertTrue(redactor < 10 * naive, "redactor " + redactor / 1000 + " us, String.replace " + naive / 1000 + " us");
  }
}
