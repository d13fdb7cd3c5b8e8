package dev.apiquery.spi;

/**
 * A request an {@link AuthPlugin} may add credentials to. Plain types only, so that plugins do not
 * depend on the driver's (relocated) HTTP library.
 */
public interface AuthRequest {
  /** The request URL. */
  String url();

  /** The request method, upper case. */
  String method();

  /** Sets a header, replacing one of the same name. */
  void setHeader(String name, String value);

  /** Adds a query parameter, replacing one of the same name. */
  void setQueryParameter(String name, String value);
}
