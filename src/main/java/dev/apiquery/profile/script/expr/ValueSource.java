package dev.apiquery.profile.script.expr;

/** Where the names inside {@code [...]} references are looked up. */
@FunctionalInterface
public interface ValueSource {
  /**
   * The value of a reference name such as {@code _input.org}, {@code URI} or {@code temp.page},
   * or null when it is unset. Names are matched case-insensitively.
   */
  String lookup(String reference);
}
