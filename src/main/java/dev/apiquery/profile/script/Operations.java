package dev.apiquery.profile.script;

import java.util.Locale;
import java.util.Set;

/** The {@code api:call op=} names the driver knows. Matched case-insensitively. */
public final class Operations {
  private Operations() {}

  /** Operations that make the HTTP request and read rows; JSON and XML forms are aliases. */
  private static final Set<String> PROVIDER_GETS = Set.of(
      "jsonproviderget", "xmlproviderget", "apisadoexecutejsonget", "apisadoexecutexmlget");

  /** The operations a SELECT can run, for error messages. */
  public static final String SUPPORTED = "supported: jsonproviderGet, xmlproviderGet, "
      + "apisadoExecuteJSONGet, apisadoExecuteXMLGet, utiladoPushPageToken";

  /** The scripted-paging operation: pushes the next page token from an item. */
  public static final String PUSH_PAGE_TOKEN = "utiladopushpagetoken";

  /** The operation name lower-cased, as {@code Invocation.operation()} reports it. */
  public static String normalize(String op) {
    return op == null ? "" : op.trim().toLowerCase(Locale.ROOT);
  }

  public static boolean isProviderGet(String op) {
    return PROVIDER_GETS.contains(normalize(op));
  }

  public static boolean isPushPageToken(String op) {
    return PUSH_PAGE_TOKEN.equals(normalize(op));
  }
}
