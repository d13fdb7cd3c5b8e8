package dev.apiquery.redact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Hides secrets (DESIGN 6 and 8) before text reaches a log, an exception message or {@code
 * toString()}. Two complementary tools:
 *
 * <ul>
 *   <li>static, name-based rules: a query parameter, option or header whose <em>name</em> says it
 *       is secret has its value shown as {@value #MASK}, whatever the value is;
 *   <li>an instance built from the connection's known secret values that replaces every occurrence
 *       of those values (and of their URL- and JSON-encoded forms) in free text, for the places
 *       where a secret shows up without its name (a response body echoing a token, a path segment,
 *       an error message from a server).
 * </ul>
 *
 * <p>Instances are immutable and cheap to use on every log line: matching is a handful of {@link
 * String#indexOf} scans. Values shorter than {@value #SHORT_SECRET} characters are replaced only
 * where they stand as a whole token (not inside a longer word or number), so that a two-letter
 * secret does not shred every line of the log.
 */
public final class Redactor {
  /** What a secret is replaced with. */
  public static final String MASK = "***";

  /** A redactor that knows no secret values (the static rules still apply). */
  public static final Redactor NONE = new Redactor(List.of());

  /** Values shorter than this are only replaced as whole tokens. */
  static final int SHORT_SECRET = 4;

  private final String[] needles;

  /** Per needle: only replace where it is a whole token (short secrets). */
  private final boolean[] wholeTokenOnly;

  private final List<String> secrets;

  /**
   * @param secretValues the values to hide; null and empty entries are ignored, as are values made
   *     only of {@code *} (they would match the mask itself)
   */
  public Redactor(Collection<String> secretValues) {
    List<String> kept = new ArrayList<>();
    // variant -> whole-token-only; a variant wanted both ways is matched everywhere
    Map<String, Boolean> variants = new LinkedHashMap<>();
    for (String secret : secretValues) {
      if (secret == null || secret.isEmpty() || secret.chars().allMatch(c -> c == '*')) {
        continue;
      }
      if (!kept.contains(secret)) {
        kept.add(secret);
      }
      boolean shortOne = secret.length() < SHORT_SECRET;
      for (String variant : encodedForms(secret)) {
        variants.merge(variant, shortOne, Boolean::logicalAnd);
      }
    }
    List<Map.Entry<String, Boolean>> ordered = new ArrayList<>(variants.entrySet());
    ordered.sort(
        Comparator.comparingInt((Map.Entry<String, Boolean> e) -> -e.getKey().length())
            .thenComparing(Map.Entry::getKey));
    this.needles = new String[ordered.size()];
    this.wholeTokenOnly = new boolean[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      needles[i] = ordered.get(i).getKey();
      wholeTokenOnly[i] = ordered.get(i).getValue();
    }
    this.secrets = List.copyOf(kept);
  }

  /** A redactor that also hides {@code moreSecrets} (for example a freshly refreshed token). */
  public Redactor plus(Collection<String> moreSecrets) {
    List<String> all = new ArrayList<>(secrets);
    all.addAll(moreSecrets);
    return new Redactor(all);
  }

  /** The secret values this redactor hides, without their encoded forms (not public: never log). */
  List<String> secrets() {
    return secrets;
  }

  /** Replaces every known secret value in {@code text} with {@value #MASK}. Null stays null. */
  public String redact(String text) {
    if (text == null || needles.length == 0) {
      return text;
    }
    String out = text;
    for (int i = 0; i < needles.length; i++) {
      out = replace(out, needles[i], wholeTokenOnly[i]);
    }
    return out;
  }

  private static String replace(String text, String needle, boolean wholeToken) {
    int at = text.indexOf(needle);
    if (at < 0) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    while (at >= 0) {
      int end = at + needle.length();
      if (!wholeToken || isTokenBoundary(text, at - 1) && isTokenBoundary(text, end)) {
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, at).append(MASK);
        copied = end;
        at = text.indexOf(needle, end);
      } else {
        at = text.indexOf(needle, at + 1);
      }
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static boolean isTokenBoundary(String text, int index) {
    return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
  }

  /**
   * The forms in which a secret may appear in logged text: as is, percent-encoded the ways {@link
   * URLEncoder} and OkHttp encode query values and path segments, and JSON-escaped.
   */
  private static List<String> encodedForms(String secret) {
    List<String> forms = new ArrayList<>();
    forms.add(secret);
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    forms.add(form);
    forms.add(form.replace("+", "%20"));
    try {
      HttpUrl url =
          new HttpUrl.Builder()
              .scheme("http")
              .host("h")
              .addPathSegment(secret)
              .addQueryParameter("q", secret)
              .build();
      forms.add(url.encodedPathSegments().get(0));
      String query = url.encodedQuery();
      if (query != null && query.startsWith("q=")) {
        forms.add(query.substring(2));
      }
    } catch (RuntimeException e) {
      // OkHttp treats "." and ".." specially as path segments; the other forms still apply
    }
    forms.add(jsonEscape(secret));
    forms.removeIf(String::isEmpty);
    return forms;
  }

  private static String jsonEscape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * The URL with the values of secret query parameters (and fragment parameters, where OAuth
   * implicit flows put tokens) shown as {@value #MASK}, and the password of any userinfo ({@code
   * https://user:pw@host}) too. Works on any text shaped like a URL; never throws.
   */
  public static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    int hash = url.indexOf('#');
    String beforeFragment = hash >= 0 ? url.substring(0, hash) : url;
    String fragment = hash >= 0 ? url.substring(hash + 1) : null;
    int question = beforeFragment.indexOf('?');
    String base = question >= 0 ? beforeFragment.substring(0, question) : beforeFragment;
    String query = question >= 0 ? beforeFragment.substring(question + 1) : null;

    StringBuilder out = new StringBuilder(url.length());
    out.append(redactUserInfo(base));
    if (query != null) {
      out.append('?').append(redactQuery(query));
    }
    if (fragment != null) {
      out.append('#').append(fragment.indexOf('=') >= 0 ? redactQuery(fragment) : fragment);
    }
    return out.toString();
  }

  /** {@link #redactUrl(String)} for an OkHttp URL. */
  public static String redactUrl(HttpUrl url) {
    return url == null ? null : redactUrl(url.toString());
  }

  private static String redactUserInfo(String base) {
    int schemeEnd = base.indexOf("://");
    if (schemeEnd < 0) {
      return base;
    }
    int authorityStart = schemeEnd + 3;
    int slash = base.indexOf('/', authorityStart);
    int authorityEnd = slash >= 0 ? slash : base.length();
    int at = base.lastIndexOf('@', authorityEnd - 1);
    if (at < authorityStart) {
      return base;
    }
    int colon = base.indexOf(':', authorityStart);
    if (colon < 0 || colon > at) {
      return base;
    }
    return base.substring(0, colon + 1) + MASK + base.substring(at);
  }

  /** Redacts {@code a=1&token=x} style text: values of parameters with secret names. */
  public static String redactQuery(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length());
    int start = 0;
    while (start <= query.length()) {
      int amp = query.indexOf('&', start);
      int end = amp >= 0 ? amp : query.length();
      String part = query.substring(start, end);
      int eq = part.indexOf('=');
      if (eq >= 0 && SecretNames.isSecretName(UrlCodec.percentDecode(part.substring(0, eq), true))) {
        out.append(part, 0, eq + 1).append(MASK);
      } else {
        out.append(part);
      }
      if (amp < 0) {
        break;
      }
      out.append('&');
      start = amp + 1;
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "Redactor{" + secrets.size() + " secret values}";
  }
}
