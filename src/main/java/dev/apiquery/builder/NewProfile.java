package dev.apiquery.builder;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A profile {@code profile new} wrote.
 *
 * @param table the table's name
 * @param file the {@code .rsd} file
 * @param jdbcUrl the URL to give a SQL client (no secret in it: {@code ${env:...}} references)
 * @param environment variables that URL refers to, with what each holds
 * @param previewProperties the options with their real values, for querying the new file now
 *     (never shown: {@link #toString()} leaves them out)
 */
public record NewProfile(String table, Path file, String jdbcUrl, Map<String, String> environment,
    Properties previewProperties) {
  /** Without the preview's options: they hold the real secret values. */
  @Override
  public String toString() {
    return "NewProfile[table=" + table + ", file=" + file + ", jdbcUrl=" + jdbcUrl + "]";
  }
}
