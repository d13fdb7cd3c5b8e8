package dev.apiquery.scan;

import java.sql.SQLException;

/**
 * The query's exception for an {@code api:throw}: the message names table, file and line, and
 * the profile's code, description and details stay apart (redacted) for an {@code api:catch}.
 */
final class ThrownError extends SQLException {
  private static final long serialVersionUID = 1L;
  private final transient CaughtError parts;

  ThrownError(SQLException query, CaughtError parts) {
    super(query.getMessage(), query.getSQLState());
    this.parts = parts;
  }

  CaughtError parts() {
    return parts;
  }
}
