package dev.apiquery.profile.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the request headers a call's attributes set: the {@code Header:Name#N} /
 * {@code Header:Value#N} pairs in N order, then unnumbered {@code Header:X-Api-Key} attributes
 * (the header is named after the colon), in the order they were set. {@code Header:Name} and
 * {@code Header:Value} without a number are pair 1, as a CData attribute {@code x} is {@code x#1}
 * (real profiles write {@code header:name}, then {@code header:name#2}).
 */
final class RequestHeaders {
  private RequestHeaders() {}

  private static final Pattern HEADER_NAME =
      Pattern.compile("header:name(?:#(\\d+))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBERED =
      Pattern.compile("header:(name|value)(#\\d*)?", Pattern.CASE_INSENSITIVE);

  /** @param attributes case-insensitive attributes of the item the call reads */
  static List<Map.Entry<String, String>> from(Map<String, String> attributes) {
    TreeMap<Long, Map.Entry<String, String>> byNumber = new TreeMap<>();
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      Matcher m = HEADER_NAME.matcher(attribute.getKey());
      if (!m.matches() || attribute.getValue().isBlank() || (m.group(1) != null && m.group(1).length() > 18)) {
        continue;
      }
      String number = m.group(1) == null ? "1" : m.group(1);
      if (m.group(1) == null && attributes.containsKey("Header:Name#1")) {
        continue; // the numbered attribute wins
      }
      String value = attributes.get("Header:Value#" + number);
      if (value == null && number.equals("1")) {
        value = attributes.get("Header:Value");
      }
      byNumber.put(Long.parseLong(number), Map.entry(attribute.getValue().trim(), value == null ? "" : value));
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>(byNumber.values());
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      String key = attribute.getKey();
      if (key.regionMatches(true, 0, "header:", 0, 7) && !NUMBERED.matcher(key).matches()
          && key.length() > 7 && !attribute.getValue().isEmpty()) {
        headers.add(Map.entry(key.substring(7).trim(), attribute.getValue()));
      }
    }
    return List.copyOf(headers);
  }
}
