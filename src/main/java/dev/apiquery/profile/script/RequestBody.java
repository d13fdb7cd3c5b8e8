package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The body of a POST/PUT provider call: the {@code data} attribute (aliases {@code postdata},
 * {@code body}) as the script built it, sent with {@code ContentType}. With
 * {@code encodepostdata=true} the data is {@code name=value&...} pairs whose names and values are
 * form-encoded here. Without {@code ContentType}, data starting with {@code {} or {@code [} is
 * sent as JSON, anything else as a form.
 *
 * @param text the body text
 * @param contentType the media type
 */
public record RequestBody(String text, String contentType) {
  static final String FORM = "application/x-www-form-urlencoded";

  static RequestBody of(Map<String, String> attributes, String method, CallStatement call)
      throws ProfileException {
    String data = first(attributes, "data", "postdata", "body");
    if (data == null) {
      return null;
    }
    if (method.equals("GET") || method.equals("HEAD")) {
      throw new ProfileException(call.location(), "the call sets a request body (data) but its method is "
          + method + "; set method to POST or PUT");
    }
    String type = first(attributes, "ContentType", "Content-Type");
    String trimmed = data.strip();
    if (type == null) {
      type = trimmed.startsWith("{") || trimmed.startsWith("[") ? "application/json" : FORM;
    }
    if (Values.isTrue(attributes.get("encodepostdata"))) {
      data = formEncode(data);
    }
    return new RequestBody(data, type.trim());
  }

  private static String formEncode(String pairs) {
    StringBuilder out = new StringBuilder();
    for (String pair : pairs.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static String first(Map<String, String> attributes, String... names) {
    for (String name : names) {
      String value = attributes.get(name);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }
}
