package dev.apiquery.jdbc.secret;

import dev.apiquery.jdbc.ConnectionStringParser;
import dev.apiquery.spi.SecretResolver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands secret references, {@code ${scheme:reference}}, inside option values.
 *
 * <ul>
 *   <li>Every reference whose scheme has a resolver is replaced, wherever it stands in the value,
 *       so {@code Bearer ${file:/run/token}} works.
 *   <li>Anything else in {@code ${...}} is left as it is: {@code ${access_token}} (no scheme) is
 *       filled in later by the OAuth plugin, and an unknown scheme may be meant for the API.
 *   <li>A resolved value is never scanned again, so a secret that happens to contain {@code
 *       ${env:X}} stays literal.
 *   <li>A reference cannot contain {@code }}.
 * </ul>
 */
public final class SecretReferences {
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9+.-]*):([^}]*)}");

  private SecretReferences() {}

  /**
   * The result of expanding one value.
   *
   * @param value the value with references replaced
   * @param resolved the values that the references resolved to, in order (they are secrets unless
   *     the option they belong to is known not to be)
   */
  public record Expansion(String value, List<String> resolved) {
    public Expansion {
      resolved = List.copyOf(resolved);
    }

    public boolean hasReferences() {
      return !resolved.isEmpty();
    }
  }

  /**
   * Expands the references in {@code text}.
   *
   * @param where what the value belongs to, for error messages (for example {@code "option
   *     Password"})
   * @throws SQLException (08001) naming {@code where} and the reference when a resolver fails; the
   *     message holds the reference text and the resolver's message, never a resolved value
   */
  public static Expansion expand(String text, SecretResolvers resolvers, String where)
      throws SQLException {
    return expand(text, resolvers, where, new HashMap<>());
  }

  /**
   * Expands references for one connection, resolving each distinct reference once: a vault plug-in
   * is not asked twice, and a value used in two places is the same in both.
   */
  public static final class Expander {
    private final SecretResolvers resolvers;
    private final Map<String, String> cache = new HashMap<>();

    public Expander(SecretResolvers resolvers) {
      this.resolvers = resolvers;
    }

    public Expansion expand(String text, String where) throws SQLException {
      return SecretReferences.expand(text, resolvers, where, cache);
    }

    public boolean isWholeReference(String text) {
      return SecretReferences.isWholeReference(text, resolvers);
    }
  }

  private static Expansion expand(
      String text, SecretResolvers resolvers, String where, Map<String, String> cache)
      throws SQLException {
    if (text == null || text.indexOf("${") < 0) {
      return new Expansion(text, List.of());
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    List<String> resolved = new ArrayList<>();
    int copied = 0;
    while (m.find()) {
      SecretResolver resolver = resolvers.find(m.group(1));
      if (resolver == null) {
        continue;
      }
      String cacheKey = resolver.scheme().toLowerCase(Locale.ROOT) + ":" + m.group(2);
      String value = cache.get(cacheKey);
      if (value == null) {
        value = resolveOne(resolver, m.group(0), m.group(2), where);
        cache.put(cacheKey, value);
      }
      out.append(text, copied, m.start()).append(value);
      copied = m.end();
      resolved.add(value);
    }
    out.append(text, copied, text.length());
    return new Expansion(out.toString(), resolved);
  }

  /** Whether {@code text} is exactly one reference with a known scheme (blanks around allowed). */
  public static boolean isWholeReference(String text, SecretResolvers resolvers) {
    if (text == null) {
      return false;
    }
    Matcher m = REFERENCE.matcher(text.strip());
    return m.matches() && resolvers.find(m.group(1)) != null;
  }

  private static String resolveOne(
      SecretResolver resolver, String reference, String argument, String where)
      throws SQLException {
    String value;
    try {
      value = resolver.resolve(argument);
    } catch (RuntimeException e) {
      // resolvers promise (SecretResolver#resolve) that their messages hold no secret
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new SQLException(
          "Cannot resolve " + reference + " in " + where + ": " + reason,
          ConnectionStringParser.SQLSTATE,
          e);
    }
    if (value == null) {
      throw new SQLException(
          "Cannot resolve " + reference + " in " + where + ": the resolver returned nothing",
          ConnectionStringParser.SQLSTATE);
    }
    return value;
  }
}
