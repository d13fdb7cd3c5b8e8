package dev.apiquery.profile.script.uri;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the {@code URI} a script built into the request URI: fills {@code {Name}} placeholders
 * from the WHERE-clause filter bindings, drops query parameters that ended up empty, and appends
 * bindings of bare-name filters the URI does not carry yet.
 *
 * <p>References in the URI were already percent-encoded when the script set it; this step only
 * encodes the values it inserts itself, and finally escapes characters that can never be raw in a
 * URI (left in the profile's literal text), which leaves existing escapes alone.
 */
public final class RequestUriBuilder {
  private RequestUriBuilder() {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.@\\-]*)}");

  /**
   * @param uri the URI as the script left it
   * @param bindings filter values by placeholder name or bare parameter name, case-insensitive
   * @param bareFilterNames request parameter names declared by bare-name {@code other:filter}s
   */
  public static String build(String uri, Map<String, String> bindings, List<String> bareFilterNames) {
    return build(uri, bindings, bindings, bareFilterNames);
  }

  /**
   * @param placeholders values for {@code {Name}} placeholders (filter bindings and plain inputs)
   * @param bindings filter values by bare parameter name, case-insensitive
   */
  public static String build(String uri, Map<String, String> placeholders, Map<String, String> bindings,
      List<String> bareFilterNames) {
    String fragment = "";
    int hash = uri.indexOf('#');
    if (hash >= 0) {
      fragment = uri.substring(hash);
      uri = uri.substring(0, hash);
    }
    int question = uri.indexOf('?');
    String path = question < 0 ? uri : uri.substring(0, question);
    String query = question < 0 ? "" : uri.substring(question + 1);
    Set<String> seen = new HashSet<>();
    path = fillPlaceholders(path, placeholders, seen);
    List<String> parameters = new ArrayList<>();
    for (String parameter : query.split("&")) {
      String filled = fillParameter(parameter, placeholders, seen);
      if (filled != null && !isEmptyParameter(filled)) {
        parameters.add(filled);
      }
    }
    for (String name : bareFilterNames) {
      String value = bindings.get(name);
      if (value != null && !value.isEmpty()
          && !seen.contains(name.toLowerCase(Locale.ROOT))
          && !hasParameter(parameters, name)) {
        parameters.add(UriEncoding.encodeComponent(name) + "=" + UriEncoding.encodeComponent(value));
      }
    }
    String result = parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
    return UriEncoding.encodeIllegal(result + fragment);
  }

  /** Fills a query parameter; null when one of its placeholders has no value (drop it whole). */
  private static String fillParameter(
      String parameter, Map<String, String> bindings, Set<String> seen) {
    Matcher m = PLACEHOLDER.matcher(parameter);
    while (m.find()) {
      seen.add(m.group(1).toLowerCase(Locale.ROOT));
      String value = bindings.get(m.group(1));
      if (value == null || value.isEmpty()) {
        return null;
      }
    }
    return fillPlaceholders(parameter, bindings, seen);
  }

  /** Replaces every placeholder with its encoded value; a missing one becomes empty. */
  private static String fillPlaceholders(String text, Map<String, String> bindings, Set<String> seen) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      seen.add(m.group(1).toLowerCase(Locale.ROOT));
      String value = bindings.get(m.group(1));
      m.appendReplacement(out,
          Matcher.quoteReplacement(value == null ? "" : UriEncoding.encodeComponent(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code ""}, {@code "&&"} leftovers and {@code name=} with nothing after the '='. */
  private static boolean isEmptyParameter(String parameter) {
    return parameter.isEmpty() || parameter.indexOf('=') == parameter.length() - 1;
  }

  private static boolean hasParameter(List<String> parameters, String name) {
    for (String parameter : parameters) {
      int eq = parameter.indexOf('=');
      String existing = eq < 0 ? parameter : parameter.substring(0, eq);
      if (UriEncoding.sameParameter(existing, name)) {
        return true;
      }
    }
    return false;
  }
}
