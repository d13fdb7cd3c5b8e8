package dev.apiquery.builder;

/** {@code profile new} cannot go on: the message says what to change. Never holds a secret. */
public final class BuilderException extends Exception {
  private static final long serialVersionUID = 1L;

  public BuilderException(String message) {
    super(message);
  }

  public BuilderException(String message, Throwable cause) {
    super(message, cause);
  }
}
