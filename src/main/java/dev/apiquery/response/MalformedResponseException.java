package dev.apiquery.response;

/** A complete response body that is not the JSON the profile expects. Never retried. */
public class MalformedResponseException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
