package dev.apiquery.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opening connections and tidying statements typed on a command line. */
final class Jdbc {
  private static final String DRIVER = "dev.apiquery.jdbc.Driver";

  private Jdbc() {}

  /** Opens {@code url} through {@link DriverManager}, after making sure apiquery's driver is registered. */
  static Connection open(String url, Properties properties) throws SQLException {
    try {
      Class.forName(DRIVER, true, Jdbc.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new SQLException("The apiquery driver class " + DRIVER + " is not on the class path", "08001", e);
    }
    return DriverManager.getConnection(url, properties);
  }

  /** The statement without surrounding blanks and trailing semicolons, which Calcite rejects. */
  static String statementText(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).stripTrailing();
    }
    return s;
  }
}
