package dev.apiquery.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/** Prints a whole {@link ResultSet} in one output format. */
interface ResultWriter {
  /** The names {@code --format} accepts. */
  Set<String> FORMATS = Set.of("table", "csv", "json");

  /** Reads {@code rows} to the end and prints them; does not close either. */
  void write(ResultSet rows, PrintWriter out) throws SQLException, IOException;

  /** The writer of a format name accepted by {@code --format}. */
  static ResultWriter forFormat(String format) {
    return switch (format) {
      case "table" -> new TableWriter();
      case "csv" -> new CsvWriter();
      case "json" -> new JsonWriter();
      default -> throw new IllegalArgumentException("unknown format: " + format);
    };
  }
}
