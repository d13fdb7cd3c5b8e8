package dev.apiquery.jdbc;

import dev.apiquery.jdbc.secret.SecretReferences;
import dev.apiquery.jdbc.secret.SecretReferences.Expansion;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the merged raw options into resolved ones: expands secret references, parses the container
 * options ({@code ProfileSettings}, {@code Other}, {@code CustomHeaders}, {@code CustomUrlParams})
 * and collects the secret values on the way.
 *
 * <p>A container is parsed <em>before</em> its references are expanded, so a secret holding {@code
 * ;}, {@code :} or {@code \n} cannot break its structure. The exception is a container whose whole
 * value is one reference ({@code ProfileSettings=${file:/etc/api.settings}}): that is expanded
 * first and its content parsed, without expanding references inside it again.
 */
final class OptionResolver {
  final OptionMap options = new OptionMap();
  final OptionMap profileSettings = new OptionMap();
  final OptionMap other = new OptionMap();
  final List<Map.Entry<String, String>> headers = new ArrayList<>();
  final List<Map.Entry<String, String>> urlParams = new ArrayList<>();
  final SecretCollector secrets = new SecretCollector();

  private final SecretReferences.Expander expander;

  OptionResolver(SecretReferences.Expander expander) {
    this.expander = expander;
  }

  void resolve(Map<String, String> raw) throws SQLException {
    for (Map.Entry<String, String> e : raw.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      OptionName.Kind kind =
          OptionName.find(key).map(OptionName::kind).orElse(OptionName.Kind.TEXT);
      switch (kind) {
        case NESTED ->
            resolveNested(
                key, value, key.equalsIgnoreCase(OptionName.OTHER.key()) ? other : profileSettings);
        case HEADERS -> resolveHeaders(key, value);
        case URL_PARAMS -> resolveUrlParams(key, value);
        default -> {
          Expansion x = expander.expand(value, "option " + key);
          options.put(key, x.value());
          secrets.addKeyed(key, x.value());
          if (!OptionName.isKnownNonSecret(key)) {
            secrets.addResolved(x.resolved());
          }
        }
      }
    }
  }

  private void resolveNested(String key, String raw, OptionMap target) throws SQLException {
    String where = "option " + key;
    if (expander.isWholeReference(raw)) {
      Expansion whole = expander.expand(raw, where);
      options.put(key, whole.value());
      for (Map.Entry<String, String> e :
          ConnectionStringParser.parse(whole.value(), where).entrySet()) {
        target.put(e.getKey(), e.getValue());
        secrets.addKeyed(e.getKey(), e.getValue());
        if (!OptionName.isKnownNonSecret(e.getKey())) {
          secrets.add(e.getValue());
        }
      }
      return;
    }
    for (Map.Entry<String, String> e : ConnectionStringParser.parse(raw, where).entrySet()) {
      Expansion x = expander.expand(e.getValue(), where + " (key " + e.getKey() + ")");
      target.put(e.getKey(), x.value());
      secrets.addKeyed(e.getKey(), x.value());
      if (!OptionName.isKnownNonSecret(e.getKey())) {
        secrets.addResolved(x.resolved());
      }
    }
    options.put(key, expander.expand(raw, where).value());
  }

  private void resolveHeaders(String key, String raw) throws SQLException {
    String where = "option " + key;
    boolean whole = expander.isWholeReference(raw);
    String text = whole ? expander.expand(raw, where).value() : raw;
    for (HeaderLines.Line line : HeaderLines.parse(text)) {
      Expansion x =
          whole
              ? new Expansion(line.value(), List.of(line.value()))
              : expander.expand(line.value(), where + " (header " + line.name() + ")");
      HeaderLines.checkValue(line, x.value());
      headers.add(Map.entry(line.name(), x.value()));
      secrets.addHeader(line.name(), x.value());
      secrets.addResolved(x.resolved());
    }
    options.put(key, whole ? text : expander.expand(raw, where).value());
  }

  private void resolveUrlParams(String key, String raw) throws SQLException {
    String where = "option " + key;
    boolean whole = expander.isWholeReference(raw);
    String text = whole ? expander.expand(raw, where).value() : raw;
    for (UrlParamList.Param param : UrlParamList.parse(text)) {
      Expansion x =
          whole
              ? new Expansion(param.value(), List.of(param.value()))
              : expander.expand(param.value(), where + " (parameter " + param.name() + ")");
      urlParams.add(Map.entry(param.name(), x.value()));
      secrets.addUrlParam(param.name(), x.value());
      secrets.addResolved(x.resolved());
    }
    options.put(key, whole ? text : expander.expand(raw, where).value());
  }
}
