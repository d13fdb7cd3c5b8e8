package dev.apiquery.response;

/** A complete response body that is not the JSON the profile expects. Never retried. */
public class MalformedResponseException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A parser's message may quote a piece of the body: keep it to one short line. */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable content";
    }
    String line = message.replaceAll("\\s+", " ").trim();
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
