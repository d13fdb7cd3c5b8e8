package dev.apiquery.json;

/** A value that cannot be converted to its column's type. The scan turns it into NULL + a warning. */
public class ConversionException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConversionException(String message) {
    // No stack trace: bad values can be frequent and the scan only counts them.
    super(message, null, false, false);
  }
}
