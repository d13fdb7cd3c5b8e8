package dev.apiquery.value;

import dev.apiquery.profile.DataType;

/**
 * A value that cannot be converted to its column's type. The scan turns it into NULL + a warning.
 *
 * <p>Bad data can be frequent (a whole column of "N/A"), so this exception records no stack
 * trace: creating one costs about as much as building its message.
 */
public class ConversionException extends Exception {
  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_CHARS = 60;

  public ConversionException(String message) {
    super(message, null, false, false);
  }

  /**
   * A message of the form {@code Cannot convert 'N/A' to INTEGER: not a number}; the value is
   * shortened to 60 characters.
   */
  public ConversionException(Object value, DataType type, String reason) {
    this("Cannot convert " + describe(value) + " to " + type
        + (reason == null || reason.isEmpty() ? "" : ": " + reason));
  }

  /** A value as it appears in messages: strings quoted, at most 60 characters of it. */
  public static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    if (text.length() > MAX_VALUE_CHARS) {
      text = text.substring(0, MAX_VALUE_CHARS) + "...";
    }
    return value instanceof CharSequence ? "'" + text + "'" : text;
  }
}
