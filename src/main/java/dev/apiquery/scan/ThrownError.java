package dev.apiquery.scan;

import java.sql.SQLException;

/**
 * The query's exception for an {@code api:throw}: the message names table, file and line, and
 * the profile's code, description and details stay apart (redacted) for an {@code api:catch}.
 */
final class ThrownError extends SQLException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final String desc;
  private final String details;

  ThrownError(SQLException query, String code, String desc, String details) {
    super(query.getMessage(), query.getSQLState());
    this.code = code;
    this.desc = desc;
    this.details = details;
  }

  String code() {
    return code;
  }

  String desc() {
    return desc;
  }

  String details() {
    return details;
  }
}
