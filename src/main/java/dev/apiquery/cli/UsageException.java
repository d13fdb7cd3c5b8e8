package dev.apiquery.cli;

/** A bad command line: reported on stderr with exit status 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
