package dev.apiquery.redact;

import java.util.Set;

/**
 * The name-based secret rules (DESIGN 6 and 8): which options, parameters and headers hold
 * secrets by their name, whatever the value.
 *
 * <p><b>The secret-name rule</b> ({@link #isSecretName}). The name is lower-cased and reduced to
 * its letters and digits ({@code X-Api-Key} → {@code xapikey}). It is secret when it contains
 * {@code key}, {@code token}, {@code secret}, {@code password}, {@code auth} or {@code signature}
 * (DESIGN 8), or the close relatives {@code passwd}, {@code pwd}, {@code credential}, {@code
 * cookie}, {@code assertion}, or is exactly {@code sig} or {@code jwt} (Azure SAS and JWT
 * parameters). Redacting too much only costs readability, so the exceptions are few and narrow:
 *
 * <ul>
 *   <li>names that merely describe a secret rather than hold one: ending in {@code url}, {@code
 *       uri}, {@code endpoint}, {@code scheme}, {@code type}, {@code mode}, {@code policy}, {@code
 *       skew}, {@code location}, {@code version}, {@code expiresin} or {@code timestamp} ({@code
 *       AuthScheme}, {@code OAuthAccessTokenURL}, {@code OAuthRefreshPolicy}, {@code token_type},
 *       ...);
 *   <li>the driver's options {@code InitiateOAuth} (a mode) and {@code OAuthClientId} (RFC 6749
 *       2.2: "the client identifier is not a secret");
 *   <li>words that only look like one: {@code keyword} does not count as {@code key}, and {@code
 *       author}/{@code authority} do not count as {@code auth} (while {@code authorization} and
 *       {@code authorize} do), so {@code ?author=octocat} stays readable.
 * </ul>
 *
 */
public final class SecretNames {
  private SecretNames() {}

  private static final String[] SECRET_WORDS = {
    "key",
    "token",
    "secret",
    "password",
    "passwd",
    "pwd",
    "auth",
    "signature",
    "credential",
    "cookie",
    "assertion"
  };
  private static final Set<String> SECRET_EXACT_NAMES = Set.of("sig", "jwt");
  private static final String[] DESCRIPTIVE_SUFFIXES = {
    "url",
    "uri",
    "endpoint",
    "scheme",
    "type",
    "mode",
    "policy",
    "skew",
    "location",
    "version",
    "expiresin",
    "timestamp"
  };
  private static final Set<String> NON_SECRET_NAMES = Set.of("initiateoauth", "oauthclientid");
  private static final Set<String> ALWAYS_SECRET_HEADERS =
      Set.of("authorization", "proxyauthorization", "cookie", "setcookie");
  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxyauthorization");

  /** Search strings, longest first so that a secret inside a longer one never leaves a tail. */
  /** Whether a value named {@code name} (option, parameter or header) is a secret; see above. */
  public static boolean isSecretName(String name) {
    if (name == null) {
      return false;
    }
    String n = normalize(name);
    if (n.isEmpty() || NON_SECRET_NAMES.contains(n)) {
      return false;
    }
    if (SECRET_EXACT_NAMES.contains(n)) {
      return true;
    }
    if (!containsSecretWord(n)) {
      return false;
    }
    for (String suffix : DESCRIPTIVE_SUFFIXES) {
      if (n.endsWith(suffix)) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsSecretWord(String n) {
    for (String word : SECRET_WORDS) {
      int at = n.indexOf(word);
      while (at >= 0) {
        if (!isLookalike(n, word, at + word.length())) {
          return true;
        }
        at = n.indexOf(word, at + 1);
      }
    }
    return false;
  }

  /** "keyword" is not a key; "author"/"authority" are not auth, "authorization" is. */
  private static boolean isLookalike(String n, String word, int after) {
    String rest = n.substring(after);
    if (word.equals("key")) {
      return rest.startsWith("word");
    }
    if (word.equals("auth")) {
      return rest.startsWith("or") && !rest.startsWith("oriz") && !rest.startsWith("oris");
    }
    return false;
  }

  private static String normalize(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  /**
   * Whether an HTTP header carries a secret: {@code Authorization}, {@code Proxy-Authorization},
   * {@code Cookie}, {@code Set-Cookie}, or a name that passes {@link #isSecretName} ({@code
   * X-Api-Key}, {@code X-Auth-Token}, ...).
   */
  public static boolean isSecretHeader(String name) {
    if (name == null) {
      return false;
    }
    return ALWAYS_SECRET_HEADERS.contains(normalize(name)) || isSecretName(name);
  }

  /**
   * The value to show for a header. Secret headers become {@value Redactor#MASK}; for {@code Authorization}
   * and {@code Proxy-Authorization} the auth scheme is kept ({@code Bearer ***}) because it helps
   * debugging and is not secret.
   */
  public static String redactHeaderValue(String name, String value) {
    if (value == null || !isSecretHeader(name)) {
      return value;
    }
    if (CREDENTIAL_HEADERS.contains(normalize(name))) {
      String scheme = authScheme(value);
      if (scheme != null) {
        return scheme + " " + Redactor.MASK;
      }
    }
    return Redactor.MASK;
  }

  /**
   * The credentials part of an {@code Authorization}-style value ({@code abc} of {@code Bearer
   * abc}), or null when the value is not {@code <scheme> <credentials>}.
   */
  public static String credentialsOf(String value) {
    String scheme = authScheme(value);
    return scheme == null ? null : value.strip().substring(scheme.length()).strip();
  }

  private static String authScheme(String value) {
    String v = value.strip();
    int space = v.indexOf(' ');
    if (space <= 0 || space > 32 || v.substring(space).isBlank()) {
      return null;
    }
    String scheme = v.substring(0, space);
    for (int i = 0; i < scheme.length(); i++) {
      char c = scheme.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
        return null;
      }
    }
    return scheme;
  }
}
