package dev.apiquery.profile.script.expr;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import java.util.Map;
import java.util.TreeMap;

/** Compiles and expands templates against a fixed set of values, as the formatter tests need. */
final class Expand {
  private Expand() {}

  static final SourceLocation AT = new SourceLocation("F.rsd", 3);

  static final Map<String, String> VALUES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  static {
    VALUES.put("s", "a,b,,c");
    VALUES.put("url", "https://x.test/items?page=3&per_page=50");
    VALUES.put("x", "Hello World");
    VALUES.put("n", "5");
    VALUES.put("neg", "-2.5");
    VALUES.put("two", "2");
    VALUES.put("b64", "SGVsbG8gV29ybGQ=");
    VALUES.put("d", "2024-01-05");
    VALUES.put("dt", "2024-01-31T09:12:30");
    VALUES.put("dtz", "2024-01-05T10:12:00+01:00");
    VALUES.put("rfc", "Fri, 05 Jan 2024 09:12:00 GMT");
    VALUES.put("us", "1/5/2024 09:12");
    VALUES.put("empty", "");
    VALUES.put("yes", "yes");
    VALUES.put("pct", "100%");
  }

  static String of(String template) throws ProfileException {
    return Template.parse(template, AT).expand(VALUES::get);
  }
}
