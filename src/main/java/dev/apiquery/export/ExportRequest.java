package dev.apiquery.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * One {@code apiquery export}, resolved from the command line.
 *
 * @param sql the source statement, without trailing semicolons
 * @param target a JDBC URL or a file path
 * @param targetProperties connection properties of a JDBC target
 * @param driverPath jars holding the target's JDBC driver, empty for the CLI's own (DuckDB, H2)
 * @param into the target table, or null for a file
 * @param mode what to do with an existing table or file
 * @param incremental the column whose current maximum in the target bounds the rows read, or null
 * @param incrementalInput the input that takes that maximum as the API's lower bound, or null
 * @param batchSize rows per JDBC batch or appender flush
 */
public record ExportRequest(
    String sql,
    String target,
    Properties targetProperties,
    List<Path> driverPath,
    String into,
    Mode mode,
    String incremental,
    String incrementalInput,
    int batchSize) {

  /** The file format of the target, or null when it is a JDBC URL. */
  public FileFormat fileFormat() {
    return target.startsWith("jdbc:") ? null : FileFormat.of(target);
  }
}
