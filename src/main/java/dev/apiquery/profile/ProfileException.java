package dev.apiquery.profile;

/** A profile that cannot be loaded or a script that cannot run; the message names file and line. */
public class ProfileException extends Exception {
  private static final long serialVersionUID = 1L;
  private final SourceLocation location;

  public ProfileException(SourceLocation location, String message) {
    this(location, message, null);
  }

  public ProfileException(SourceLocation location, String message, Throwable cause) {
    super(location == null ? message : location + ": " + message, cause);
    this.location = location;
  }

  /** Where the problem is, or null when it is not tied to a place in a file. */
  public SourceLocation location() {
    return location;
  }
}
