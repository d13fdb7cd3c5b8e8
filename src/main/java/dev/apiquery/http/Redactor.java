package dev.apiquery.http;

import java.util.Collection;
import okhttp3.HttpUrl;

/** TEMPORARY stub until the options branch lands. */
public final class Redactor {
  public static final Redactor NONE = new Redactor(java.util.List.of());
  public Redactor(Collection<String> secrets) {}
  public String redact(String text) { return text; }
  public static String redactUrl(String url) { return url; }
  public static String redactUrl(HttpUrl url) { return url.toString(); }
}
