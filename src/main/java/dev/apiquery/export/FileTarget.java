package dev.apiquery.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;

/**
 * A file as an export target. Rows go to a temporary file beside it; on success the temporary
 * file replaces the target in one rename (or, with {@code --mode append}, is added to its end),
 * so a failed export never leaves a half-written file.
 */
final class FileTarget implements Target {
  private static final int BUFFER = 1 << 16;

  private final Path file;
  private final FileFormat format;
  private final Mode mode;
  private Path temporary;
  private RowSink sink;

  private FileTarget(Path file, FileFormat format, Mode mode) {
    this.file = file;
    this.format = format;
    this.mode = mode;
  }

  /** Checks the mode against the file system before the source is asked anything. */
  static FileTarget open(Path file, FileFormat format, Mode mode) throws SQLException {
    if (mode == Mode.CREATE && Files.exists(file)) {
      throw new SQLException(file + " already exists; use --mode replace or --mode append", "58030");
    }
    if (mode == Mode.APPEND && format == FileFormat.PARQUET) {
      throw new SQLException("a Parquet file cannot be appended to; use --mode replace", "0A000");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new SQLException("no such folder: " + parent, "58030");
    }
    return new FileTarget(file.toAbsolutePath(), format, mode);
  }

  @Override
  public String describe() {
    return "file " + file;
  }

  @Override
  public Object max(Column column) throws SQLException {
    throw new SQLException("--incremental needs a database table as the target, not a file", "0A000");
  }

  @Override
  public RowSink begin(List<Column> columns) throws SQLException, IOException {
    temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
    if (format == FileFormat.PARQUET) {
      sink = ParquetFileSink.open(file, columns);
    } else {
      boolean header = !(mode == Mode.APPEND && Files.exists(file) && Files.size(file) > 0);
      OutputStream out = Files.newOutputStream(temporary);
      sink = format.textSink(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER),
          columns, header);
    }
    return sink;
  }

  @Override
  public void commit() throws SQLException, IOException {
    sink.flush();
    if (sink instanceof ParquetFileSink parquet) {
      parquet.copyTo(temporary);
    }
    sink.close();
    if (mode == Mode.APPEND && Files.exists(file)) {
      try (InputStream in = Files.newInputStream(temporary);
          OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
        in.transferTo(out);
      }
      Files.delete(temporary);
    } else {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  @Override
  public void abort() {
    try {
      if (sink != null) {
        sink.close();
      }
    } catch (Exception e) {
      // the export already failed; its failure is the one to report
    }
    try {
      if (temporary != null) {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      // as above
    }
  }

  @Override
  public void close() {
    // nothing held between loads
  }
}
