package dev.apiquery.profile.script;

/** How script keywords read strings as booleans and presence. */
final class Values {
  private Values() {}

  /** Unset and empty are the same to a script: an unset reference expands to "". */
  static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  /** A value counts as true when it is present and not "false", "0" or "no". */
  static boolean isTrue(String value) {
    if (value == null) {
      return false;
    }
    String v = value.trim();
    return !v.isEmpty() && !v.equalsIgnoreCase("false") && !v.equals("0")
        && !v.equalsIgnoreCase("no");
  }
}
