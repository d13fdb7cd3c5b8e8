package dev.apiquery.profile;

/** A place in a profile file, for error messages: {@code Accounts.rsd:12}. */
public record SourceLocation(String file, int line) {
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
