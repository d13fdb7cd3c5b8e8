package dev.apiquery.paging;

import java.util.List;
import java.util.Locale;

/**
 * Reads RFC 8288 {@code Link} header values: {@code <uri>; rel="next"; title="a, b", <uri2>;
 * rel=last}. Several links per value and several values, parameters in any order, quoted strings
 * that hold commas or semicolons, and space-separated relation types ({@code rel="next last"}).
 */
final class LinkHeader {
  private LinkHeader() {}

  /** The target of the first link whose relation types include {@code relation}, or null. */
  static String target(List<String> headerValues, String relation) {
    for (String value : headerValues) {
      String found = target(value, relation);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String target(String value, String relation) {
    int i = 0;
    int n = value.length();
    while (i < n) {
      int open = value.indexOf('<', i);
      if (open < 0) {
        return null;
      }
      int close = value.indexOf('>', open);
      if (close < 0) {
        return null;
      }
      String uri = value.substring(open + 1, close).trim();
      i = close + 1;
      boolean matches = false;
      // Parameters up to the comma that ends this link (commas inside quotes do not count).
      while (i < n) {
        char c = value.charAt(i);
        if (c == ',') {
          i++;
          break;
        }
        if (c != ';') {
          i++;
          continue;
        }
        i++;
        int eq = i;
        while (eq < n && value.charAt(eq) != '=' && value.charAt(eq) != ';' && value.charAt(eq) != ',') {
          eq++;
        }
        String name = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
        i = eq;
        String paramValue = "";
        if (i < n && value.charAt(i) == '=') {
          i++;
          while (i < n && value.charAt(i) == ' ') {
            i++;
          }
          StringBuilder sb = new StringBuilder();
          if (i < n && value.charAt(i) == '"') {
            i++;
            while (i < n && value.charAt(i) != '"') {
              if (value.charAt(i) == '\\' && i + 1 < n) {
                i++;
              }
              sb.append(value.charAt(i++));
            }
            i++; // closing quote
          } else {
            while (i < n && value.charAt(i) != ';' && value.charAt(i) != ',') {
              sb.append(value.charAt(i++));
            }
          }
          paramValue = sb.toString().trim();
        }
        if (name.equals("rel")) {
          for (String rel : paramValue.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (rel.equals(relation)) {
              matches = true;
            }
          }
        }
      }
      if (matches) {
        return uri;
      }
    }
    return null;
  }
}
