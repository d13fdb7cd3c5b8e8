package dev.apiquery.jdbc;

import dev.apiquery.redact.Redactor;
import dev.apiquery.redact.SecretNames;
import dev.apiquery.redact.UrlCodec;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gathers the secret values of one connection (DESIGN 8) while its options are resolved.
 *
 * <p>A value is a secret when:
 *
 * <ul>
 *   <li>its key, at any level (URL, {@code ProfileSettings}, {@code Other}), is a secret option
 *       ({@code Password}, {@code ProxyPassword}, {@code OAuthClientSecret}, {@code
 *       OAuthRefreshToken}, {@code OAuthAccessToken}, {@code OAuthParams}) or, for a key that is
 *       not a driver option, passes {@link Redactor#isSecretName};
 *   <li>it is the value of a {@code CustomUrlParams} entry or of a query parameter inside a
 *       URL-valued option whose name passes {@link Redactor#isSecretName}, or the password of a
 *       URL's userinfo;
 *   <li>it is the value of a {@link Redactor#isSecretHeader secret header} in {@code CustomHeaders}
 *       (and, for {@code Bearer abc}-style values, also its credentials part);
 *   <li>it came from a secret reference ({@code ${env:...}} and friends), unless it belongs to a
 *       driver option that is known not to be secret ({@code Profile}, {@code Timeout}, {@code
 *       User}, ...): someone who keeps a value out of the URL means it to be private.
 * </ul>
 *
 * Empty values, the words {@code true} and {@code false}, and bare placeholders such as {@code
 * ${access_token}} are not collected: hiding them would only garble logs.
 */
final class SecretCollector {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

  private final Set<String> values = new LinkedHashSet<>();

  /** Whether the value of option or nested key {@code key} is a secret by name. */
  static boolean isSecretKey(String key) {
    return OptionName.find(key)
        .map(OptionName::isSecret)
        .orElseGet(() -> SecretNames.isSecretName(key));
  }

  /** Collects {@code value} if {@code key} is secret, and secrets inside a URL-valued option. */
  void addKeyed(String key, String value) {
    if (isSecretKey(key)) {
      add(value);
    } else if (looksLikeUrl(value)) {
      addUrlSecrets(value);
    }
  }

  void addHeader(String name, String value) {
    if (SecretNames.isSecretHeader(name)) {
      add(value);
      add(SecretNames.credentialsOf(value));
    }
  }

  void addUrlParam(String name, String value) {
    if (SecretNames.isSecretName(name)) {
      add(value);
    }
  }

  /** Values that secret references resolved to. */
  void addResolved(Collection<String> resolved) {
    resolved.forEach(this::add);
  }

  void add(String value) {
    if (value == null) {
      return;
    }
    String v = value.strip();
    if (v.isEmpty()
        || v.equalsIgnoreCase("true")
        || v.equalsIgnoreCase("false")
        || PLACEHOLDER.matcher(v).matches()) {
      return;
    }
    values.add(value);
    if (!v.equals(value)) {
      values.add(v);
    }
  }

  List<String> values() {
    return List.copyOf(values);
  }

  static boolean looksLikeUrl(String value) {
    return value != null && value.contains("://");
  }

  private void addUrlSecrets(String url) {
    int hash = url.indexOf('#');
    String main = hash >= 0 ? url.substring(0, hash) : url;
    int question = main.indexOf('?');
    String base = question >= 0 ? main.substring(0, question) : main;
    int authorityStart = base.indexOf("://") + 3;
    int slash = base.indexOf('/', authorityStart);
    String authority = base.substring(authorityStart, slash >= 0 ? slash : base.length());
    int at = authority.lastIndexOf('@');
    int colon = authority.indexOf(':');
    if (at >= 0 && colon >= 0 && colon < at) {
      add(UrlCodec.percentDecode(authority.substring(colon + 1, at), false));
    }
    addQuerySecrets(question >= 0 ? main.substring(question + 1) : null);
    addQuerySecrets(hash >= 0 ? url.substring(hash + 1) : null);
  }

  private void addQuerySecrets(String query) {
    if (query == null) {
      return;
    }
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0 && SecretNames.isSecretName(UrlCodec.percentDecode(part.substring(0, eq), true))) {
        String raw = part.substring(eq + 1);
        add(raw);
        add(UrlCodec.percentDecode(raw, true));
      }
    }
  }
}
