package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;

/**
 * The error an {@code api:throw} raises: its {@code code}, {@code desc} and {@code details}, kept
 * apart so that an {@code api:catch code="..."} can match the code and hand the parts to its body
 * as {@code [_code]}, {@code [_desc]} and {@code [_details]}.
 */
public final class ThrownException extends ProfileException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final String desc;
  private final String details;

  public ThrownException(SourceLocation location, String code, String desc, String details) {
    super(location, code.isEmpty() ? desc : code + ": " + desc);
    this.code = code;
    this.desc = desc;
    this.details = details;
  }

  public String code() {
    return code;
  }

  public String desc() {
    return desc;
  }

  public String details() {
    return details;
  }
}
