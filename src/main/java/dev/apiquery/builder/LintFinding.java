package dev.apiquery.builder;

import java.nio.file.Path;

/**
 * One problem {@code profile check} found.
 *
 * @param file the file
 * @param line 1-based line, 0 when the problem is not tied to one
 * @param error true for an error (the table cannot work as written), false for a warning
 * @param message what is wrong and what to do
 */
public record LintFinding(Path file, int line, boolean error, String message) {
  /** {@code profiles/Repos.rsd:12: warning: ...}, the form editors and CI logs link. */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + (error ? "error" : "warning") + ": " + message;
  }
}
