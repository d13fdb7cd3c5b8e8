package dev.apiquery.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A JSON array with one object per row, keyed by column label, one row per line. Integer and
 * decimal columns are JSON numbers (NaN and infinities, which JSON lacks, are strings), booleans
 * are booleans, NULL is {@code null}, dates, times and timestamps are ISO-8601 strings
 * ({@code 2024-01-02T03:04:05}), everything else is a string. Rows are printed as they are read.
 */
final class JsonWriter implements ResultWriter {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  @Override
  public void write(ResultSet rows, PrintWriter out) throws SQLException, IOException {
    ResultSetMetaData meta = rows.getMetaData();
    int n = meta.getColumnCount();
    int[] types = new int[n];
    int[] scales = new int[n];
    String[] labels = new String[n];
    for (int c = 0; c < n; c++) {
      types[c] = meta.getColumnType(c + 1);
      scales[c] = meta.getScale(c + 1);
      labels[c] = meta.getColumnLabel(c + 1);
    }
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setPrettyPrinter(new RowPerLine());
      json.writeStartArray();
      while (rows.next()) {
        json.writeStartObject();
        for (int c = 0; c < n; c++) {
          json.writeFieldName(labels[c]);
          value(json, rows, c + 1, types[c], scales[c]);
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    out.println();
  }

  private static void value(JsonGenerator json, ResultSet rows, int column, int type, int scale)
      throws SQLException, IOException {
    switch (type) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
        long v = rows.getLong(column);
        if (rows.wasNull()) {
          json.writeNull();
        } else {
          json.writeNumber(v);
        }
      }
      case Types.DECIMAL, Types.NUMERIC -> {
        BigDecimal v = CellText.decimal(rows, column, scale);
        if (v == null) {
          json.writeNull();
        } else {
          json.writeNumber(v);
        }
      }
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
        double v = rows.getDouble(column);
        if (rows.wasNull()) {
          json.writeNull();
        } else if (Double.isNaN(v) || Double.isInfinite(v)) {
          json.writeString(Double.toString(v));
        } else {
          json.writeNumber(v);
        }
      }
      case Types.BOOLEAN, Types.BIT -> {
        boolean v = rows.getBoolean(column);
        if (rows.wasNull()) {
          json.writeNull();
        } else {
          json.writeBoolean(v);
        }
      }
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        // JDBC's text form of a timestamp is "yyyy-MM-dd HH:mm:ss[.f]"; ISO-8601 puts a T there.
        String v = rows.getString(column);
        if (v == null) {
          json.writeNull();
        } else {
          json.writeString(v.replaceFirst(" ", "T"));
        }
      }
      default -> {
        // DATE (yyyy-MM-dd) and TIME (HH:mm:ss) are already ISO-8601 in their JDBC text form.
        String v = rows.getString(column);
        if (v == null) {
          json.writeNull();
        } else {
          json.writeString(v);
        }
      }
    }
  }

  /** Compact objects, each on its own line inside the top-level array. */
  private static final class RowPerLine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      g.writeRaw("\n  ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(",\n  ");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      g.writeRaw(values == 0 ? "]" : "\n]");
    }
  }
}
