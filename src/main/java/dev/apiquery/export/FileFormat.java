package dev.apiquery.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The file formats of {@code --to}, chosen by the file's extension. */
public enum FileFormat {
  CSV, NDJSON, PARQUET;

  /** The format of a file name, or null when the name is not one of ours (then it is no file target). */
  public static FileFormat of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return CSV;
    }
    if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
      return NDJSON;
    }
    return n.endsWith(".parquet") ? PARQUET : null;
  }

  /** A sink writing text rows; {@code header} is false when appending to a file that has one. */
  RowSink textSink(Writer out, List<Column> columns, boolean header) throws IOException {
    return switch (this) {
      case CSV -> new CsvFileSink(out, columns, header);
      case NDJSON -> new NdjsonFileSink(out, columns);
      case PARQUET -> throw new IllegalStateException("Parquet is written through DuckDB");
    };
  }
}
