package dev.apiquery.profile.script.expr;

/** A formatter could not handle its input; the template adds the file, line and formatter. */
public class FormatterException extends Exception {
  private static final long serialVersionUID = 1L;

  public FormatterException(String message) {
    super(message);
  }
}
