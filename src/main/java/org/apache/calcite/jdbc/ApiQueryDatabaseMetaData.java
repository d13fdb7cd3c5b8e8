package org.apache.calcite.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/**
 * Avatica's DatabaseMetaData for a read-only source: read-only, and every isolation level
 * "supported" (nothing is written, so none can be violated; sqlline asks for
 * REPEATABLE_READ and warns when refused).
 */
final class ApiQueryDatabaseMetaData extends AvaticaDatabaseMetaData {
  ApiQueryDatabaseMetaData(AvaticaConnection connection) {
    super(connection);
  }

  @Override
  public boolean isReadOnly() {
    return true;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_NONE || level == Connection.TRANSACTION_READ_UNCOMMITTED
        || level == Connection.TRANSACTION_READ_COMMITTED || level == Connection.TRANSACTION_REPEATABLE_READ
        || level == Connection.TRANSACTION_SERIALIZABLE;
  }

  @Override
  public int getDefaultTransactionIsolation() throws SQLException {
    return Connection.TRANSACTION_NONE;
  }
}
