package dev.apiquery.response;

import java.util.Locale;

/** The syntax of a response body, decided by the provider operation that reads it. */
public enum ResponseFormat {
  JSON,
  XML;

  /**
   * {@code xmlproviderGet} and {@code apisadoExecuteXMLGet} read XML; every other provider
   * operation ({@code jsonproviderGet}, {@code apisadoExecuteJSONGet}) reads JSON. Case and
   * surrounding blanks are ignored.
   */
  public static ResponseFormat forOperation(String op) {
    String name = op == null ? "" : op.trim().toLowerCase(Locale.ROOT);
    return name.equals("xmlproviderget") || name.equals("apisadoexecutexmlget") ? XML : JSON;
  }
}
